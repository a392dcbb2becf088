// Reads .ics files with Mozilla's ical.js (the iCalendar reader in Thunderbird) and prints what it
// understood as JSON: {path: [{uid, summary, status, start, end, all_day}]}, times as UTC ISO 8601.
// Usage: node read_with_icaljs.mjs FILE.ics ... (one process for all files: node starts in ~50 ms).
//
// ical.js ships no time-zone database. Its TimezoneService starts with UTC only and we register
// nothing, so every TZID=Europe/Stockholm time is converted with the file's own VTIMEZONE, exactly
// as a reader without zone data of its own does. A TZID the file does not define is an error here.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(time, path, what) {
  if (time.isDate) return time.toString(); // YYYY-MM-DD: a date has no time zone
  const zone = time.zone;
  if (!zone || zone === ICAL.Timezone.localTimezone) {
    throw new Error(`${path}: ${what} ${time} has no time zone the reader knows (floating time)`);
  }
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

const out = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  out[path] = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      status: component.getFirstPropertyValue("status"),
      start: instant(event.startDate, path, "DTSTART"),
      end: instant(event.endDate, path, "DTEND"),
      all_day: event.startDate.isDate,
    };
  });
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
