"""The gzipped dumps and their SHA256SUMS, the download URLs the VoID/DCAT description
gives (`/dumps/redarmy-kg.nq.gz`, `/dumps/SHA256SUMS`) next to the plain dumps."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from redarmy_kg.publish.dumps import DUMP_FORMATS, DUMP_STEM
from redarmy_kg.publish.files import SUMS_FILE
from redarmy_kg.server.errors import ApiError
from redarmy_kg.server.settings import ServerSettings

GZIPPED = {f"{DUMP_STEM}.{fmt}" for fmt in DUMP_FORMATS}


async def gzipped_dump(request: Request) -> Response:
    """`/dumps/<dump>.gz`: the file as it is on disk (no Content-Encoding: it is the download)."""
    name = request.path_params["name"]
    if name not in GZIPPED:
        raise ApiError(404, "not-found", f"no gzipped dump named {name + '.gz'!r}")
    return _file(request, name + ".gz", "application/gzip")


async def checksums(request: Request) -> Response:
    return _file(request, SUMS_FILE, "text/plain; charset=utf-8")


def _file(request: Request, name: str, media_type: str) -> Response:
    settings: ServerSettings = request.app.state.settings
    path = settings.build_dir / name
    if not path.is_file():
        raise ApiError(404, "not-found", f"this build has no {name}: run `redarmy-kg build`")
    return FileResponse(path, media_type=media_type, filename=name)
