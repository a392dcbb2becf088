"""`make build`: a strict MkDocs build that replaces site/ only when everything went right.

    python -m klarsida.mkdocs_material.build_site [--config-file mkdocs.yml] [--site-dir site]

MkDocs writes into `site.tmp.<pid>` beside site/. Only a finished build is swapped in (two
renames), so a content error, a full disk, an interrupted or killed build leaves the previous
site/ exactly as it was. Before building, and again before the swap, the old site/ must be one we
can remove: a read-only folder in it is reported by name and nothing is touched (before, the swap
happened first and `rm -rf` failed after it, leaving `site.old.*` and a failed build).
Leftovers of builds that were killed (`site.tmp.<pid>`, `site.old.<pid>` whose process is gone)
are removed by the next build. A full disk or a folder we may not write gives a message, not a
traceback.

MkDocs runs in this process (its own command, `standalone_mode=False`), so its errors reach us.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sys
from pathlib import Path

from ..background import process_alive

LEFTOVER_PREFIXES = ("site.tmp.", "site.old.")




def remove_leftovers(root: Path, out=sys.stderr) -> list[str]:
    """Remove `site.tmp.<pid>` and `site.old.<pid>` of builds that no longer run; returns their names.
    A build running at the same time (its pid alive) keeps its folders."""
    removed = []
    for path in sorted(root.iterdir()):
        prefix = next((p for p in LEFTOVER_PREFIXES if path.name.startswith(p)), None)
        if prefix is None or not path.is_dir():
            continue
        pid = path.name[len(prefix):]
        if pid.isdigit() and process_alive(int(pid)):
            continue
        try:
            _make_removable(path)
            shutil.rmtree(path)
            removed.append(path.name)
        except OSError as error:
            print(f"Kunde inte ta bort {path.name} från ett tidigare bygge ({error.strerror}). "
                  f"Ta bort den för hand.\n    (en) Could not remove {path.name} left by an earlier build "
                  f"({error.strerror}); remove it by hand.", file=out)
    if removed:
        print(f"Tog bort rester av avbrutna byggen (removed leftovers of interrupted builds): {', '.join(removed)}",
              file=out)
    return removed


def _make_removable(folder: Path) -> None:
    """Our own leftovers may hold read-only folders (copied from a read-only site/): make them ours."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink() and not os.access(path, os.W_OK | os.X_OK):
            path.chmod(path.stat().st_mode | 0o700)


def not_removable(site: Path) -> Path | None:
    """The first folder below (or at) `site` whose entries we may not delete, or None. Deleting a file
    needs write and search permission on its folder; the folder holding site/ must be writable too."""
    if not site.exists():
        return None
    for path in [site, *sorted(site.rglob("*"))]:
        if path.is_dir() and not path.is_symlink() and not os.access(path, os.W_OK | os.X_OK):
            return path
    return None


class BuildFailed(Exception):
    def __init__(self, sv: str, en: str):
        super().__init__(f"{sv}\n    (en) {en}")


def _os_error(error: OSError, stage: str) -> BuildFailed:
    where = error.filename2 or error.filename or ""  # a copy names the source first, the target second
    reason_sv = {
        errno.ENOSPC: "disken är full",
        errno.EDQUOT: "diskkvoten är slut",
        errno.EROFS: "filsystemet är skrivskyddat",
        errno.EACCES: "vi har inte behörighet",
        errno.EPERM: "vi har inte behörighet",
    }.get(error.errno, error.strerror or str(error))
    return BuildFailed(
        f"Bygget misslyckades när vi {stage[0]}: {reason_sv} ({where}). Den förra webbplatsen i site/ är oförändrad.",
        f"The build failed while {stage[1]}: {error.strerror or error} ({where}). The previous site/ is unchanged.",
    )


def build(root: Path, config: Path, site: Path, run_mkdocs) -> None:
    """Build into site.tmp.<pid> with `run_mkdocs(site_dir)`, then swap it in for `site`."""
    remove_leftovers(root)
    blocked = not_removable(site)
    if blocked is not None:
        raise BuildFailed(
            f"Mappen {blocked.relative_to(root)} är skrivskyddad, så vi kan inte byta ut site/. Ingenting har ändrats. "
            f"Gör den skrivbar (chmod -R u+w {site.name}) eller ta bort site/, och bygg igen.",
            f"The folder {blocked.relative_to(root)} is read-only, so site/ cannot be replaced. Nothing was changed. "
            f"Make it writable (chmod -R u+w {site.name}) or remove site/, then build again.",
        )
    if not os.access(root, os.W_OK | os.X_OK):
        raise BuildFailed(
            f"Vi får inte skriva i mappen {root}, där site/ ska ligga. Ingenting har ändrats.",
            f"We may not write in {root}, where site/ goes. Nothing was changed.",
        )
    pid = os.getpid()
    tmp, old = root / f"site.tmp.{pid}", root / f"site.old.{pid}"
    try:
        try:
            run_mkdocs(tmp)
        except OSError as error:
            raise _os_error(error, ("skrev den nya webbplatsen", "writing the new site")) from None
        tmp.chmod(0o755)  # mkdtemp-like modes would make the published folder private
        blocked = not_removable(site)  # it may have changed while we built
        if blocked is not None:
            raise BuildFailed(
                f"Mappen {blocked.relative_to(root)} blev skrivskyddad medan vi byggde. site/ är oförändrad.",
                f"The folder {blocked.relative_to(root)} became read-only during the build. site/ is unchanged.",
            )
        try:
            if site.exists():
                site.rename(old)
            try:
                tmp.rename(site)
            except OSError:
                if old.exists():
                    old.rename(site)
                raise
        except OSError as error:
            raise _os_error(error, ("bytte ut site/", "replacing site/")) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    try:
        shutil.rmtree(old)
    except FileNotFoundError:
        pass
    except OSError as error:
        # The new site is complete and in place; the old copy is left for the next build to remove.
        print(f"Den nya webbplatsen finns i site/, men den gamla kopian {old.name} gick inte att ta bort "
              f"({error.strerror}). Nästa bygge försöker igen.\n    (en) The new site is in site/, but the old copy "
              f"{old.name} could not be removed ({error.strerror}); the next build tries again.", file=sys.stderr)


def _run_mkdocs(config: Path):
    def run(site_dir: Path) -> None:
        import click
        from mkdocs.__main__ import cli

        try:
            cli.main(["build", "--strict", "--clean", "--config-file", str(config), "--site-dir", str(site_dir)],
                     prog_name="mkdocs", standalone_mode=False)
        except click.exceptions.Abort as aborted:  # MkDocs has already logged why (strict warnings, errors)
            raise BuildFailed("Bygget avbröts (se meddelandena ovan). site/ är oförändrad.",
                              "The build was aborted (see the messages above). site/ is unchanged.") from aborted
        except click.ClickException as error:
            raise BuildFailed(f"Bygget misslyckades: {error.format_message()} site/ är oförändrad.",
                              f"The build failed: {error.format_message()} site/ is unchanged.") from error
    return run


def _terminate(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m klarsida.mkdocs_material.build_site", description=__doc__.split("\n")[0])
    parser.add_argument("--config-file", default="mkdocs.yml")
    parser.add_argument("--site-dir", default="site")
    args = parser.parse_args(argv)
    config = Path(args.config_file).resolve()
    site = Path(args.site_dir).absolute()
    signal.signal(signal.SIGTERM, _terminate)  # `kill`: clean up like Ctrl-C; only SIGKILL leaves leftovers
    try:
        build(site.parent, config, site, _run_mkdocs(config))
    except BuildFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    except OSError as error:  # e.g. the project folder itself cannot be read
        print(_os_error(error, ("förberedde bygget", "preparing the build")), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Bygget avbröts. site/ är oförändrad.\n    (en) The build was interrupted. site/ is unchanged.",
              file=sys.stderr)
        return 130
    print(f"Built {site.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
