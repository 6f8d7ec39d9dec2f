"""The one JSON error shape every failure of the server is reported in.

`{"error": {"status": 400, "type": "malformed-query", "message": "..."}}`
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

HTTP_ERROR_TYPES = {
    400: "bad-request",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "request-too-large",
    415: "unsupported-media-type",
    500: "internal-error",
    503: "unavailable",
    504: "query-timeout",
}


@dataclass
class ApiError(Exception):
    """A failure the client is told about; `type` is a stable machine-readable key."""

    status: int
    type: str
    message: str

    def __str__(self) -> str:
        return f"{self.status} {self.type}: {self.message}"


def error_body(status: int, error_type: str, message: str) -> dict[str, object]:
    return {"error": {"status": status, "type": error_type, "message": message}}


def error_response(error: ApiError, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(
        error_body(error.status, error.type, error.message), status_code=error.status,
        headers=headers,
    )


async def handle_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    error_type = HTTP_ERROR_TYPES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"no resource at {request.url.path}"
    return error_response(ApiError(exc.status_code, error_type, message), dict(exc.headers or {}))


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    return error_response(ApiError(500, "internal-error", f"{type(exc).__name__}: {exc}"))
