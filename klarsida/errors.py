"""Content errors: what editors see when a file is wrong.

Every message names the file (relative to the repository), the line where we know it, the field,
what is wrong and an example of a right value, in Swedish first (editors are Swedish-speaking
staff and user organisations) with English alongside for maintainers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int | None
    field: str | None
    sv: str
    en: str
    example: str | None = None
    # "error" stops the build; "warning" is logged, and fails it too in strict mode (as on CI);
    # "notice" is a reminder that never stops a build (a translation older than its original).
    level: str = "error"

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def format(self) -> str:
        field = f" {self.field}:" if self.field else ""
        if self.example and "\\n" in self.example:
            # An example of several lines is shown as lines (editors copied the `\n` literally).
            block = "\n".join(f"        {line}" for line in self.example.split("\\n"))
            return (f"{self.location()}:{field} {self.sv}\n    (en) {self.en}\n"
                    f"    Exempel (example):\n{block}")
        example = f" Exempel: {self.example}" if self.example else ""
        example_en = f" Example: {self.example}" if self.example else ""
        return f"{self.location()}:{field} {self.sv}{example}\n    (en) {self.en}{example_en}"


class ContentInvalid(Exception):
    """Raised when content has errors; carries all of them so editors fix everything in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.field or "", e.sv))
        super().__init__(format_errors(self.errors))


def format_errors(errors: list[ContentError]) -> str:
    count = len(errors)
    head = (
        f"Innehållet har {count} fel som måste rättas innan sidan kan byggas "
        f"(content has {count} error{'s' if count != 1 else ''}):"
    )
    return "\n".join([head, *(e.format() for e in errors)])
