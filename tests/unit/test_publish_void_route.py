"""`/.well-known/void` serves the build's dataset description, in the format asked for."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from pyoxigraph import RdfFormat, Store, parse

from redarmy_kg.dataset import RdfDataset
from redarmy_kg.publish.dumps import write_dumps
from redarmy_kg.publish.metadata import ReleaseInfo
from redarmy_kg.publish.void import write_void
from redarmy_kg.server import create_app
from redarmy_kg.server.settings import ServerSettings

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "publish" / "sample.trig"


def make_build(folder: Path, with_void: bool) -> Path:
    dataset = RdfDataset()
    dataset.add(parse(path=str(SAMPLE), format=RdfFormat.TRIG))
    dumps = write_dumps(dataset, folder)
    Store(str(folder / "store")).bulk_load(dumps["nq"].read_bytes(), format=RdfFormat.N_QUADS)
    if with_void:
        write_void(dumps["nq"], folder, dumps, ReleaseInfo(corpus_sha256="cd" * 32))
    return folder


class Client:
    """GET requests straight into the ASGI app (no server process, no worker pool)."""

    def __init__(self, build: Path) -> None:
        self.app = create_app(ServerSettings(build_dir=build))

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        async def fetch() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                return await http.get(path, headers=headers)

        return asyncio.run(fetch())


@pytest.fixture()
def client(tmp_path: Path) -> Client:
    return Client(make_build(tmp_path, with_void=True))


def test_turtle_by_default_byte_for_byte(client: Client, tmp_path: Path) -> None:
    response = client.get("/.well-known/void")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.content == (tmp_path / "void.ttl").read_bytes()


def test_other_formats_carry_the_same_triples(client: Client, tmp_path: Path) -> None:
    expected = set(parse(path=str(tmp_path / "void.ttl"), format=RdfFormat.TURTLE))
    for media_type, fmt in [
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", RdfFormat.N_TRIPLES),
    ]:
        response = client.get("/.well-known/void", headers={"Accept": media_type})
        assert response.headers["content-type"].startswith(media_type)
        assert set(parse(response.content, format=fmt)) == expected


def test_unacceptable_format_is_406(client: Client) -> None:
    response = client.get("/.well-known/void", headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_a_build_without_void_is_404(tmp_path: Path) -> None:
    build = make_build(tmp_path, with_void=False)
    response = Client(build).get("/.well-known/void")
    assert response.status_code == 404


def test_every_download_url_of_the_description_is_served(client: Client, tmp_path: Path) -> None:
    """The VoID/DCAT download URLs (`<base>dumps/<file>`) answer with the file's bytes."""
    urls = [
        q.object.value
        for q in parse(path=str(tmp_path / "void.ttl"), format=RdfFormat.TURTLE)
        if q.predicate.value == "http://www.w3.org/ns/dcat#downloadURL"
    ]
    assert len(urls) == 8
    for url in [*urls, "https://w3id.org/redarmy-kg/dumps/SHA256SUMS"]:
        name = url.rsplit("/", 1)[1]
        response = client.get("/dumps/" + name)
        assert response.status_code == 200, name
        assert response.content == (tmp_path / name).read_bytes()
    assert client.get("/dumps/report.json.gz").status_code == 404
