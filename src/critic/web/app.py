"""The web app: every page is one view (critic.web.views) rendered as HTML, with a `.json` twin.

`create_app()` with no arguments reads its settings from the environment so that
`uvicorn --factory critic.web.app:create_app` (and `critic serve --workers N`) works in every
worker process.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException

from critic.library import Ambiguous, Library, NotFound, open_library
from critic.records import Overrides, writer_kind
from critic.web import views
from critic.web.cache import FilmPageCache
from critic.web.charts import score_histogram, timeline_chart
from critic.web.guard import BodyTooLarge, Guard
from critic.web.highlight import segments
from critic.web.views import Paging

HERE = Path(__file__).parent
ENV_DB = "CRITIC_WEB_DB"
ENV_READ_ONLY = "CRITIC_WEB_READ_ONLY"
ENV_TOKEN = "CRITIC_WEB_TOKEN"
ENV_MAX_UPLOAD = "CRITIC_WEB_MAX_UPLOAD"
ENV_FILM_CACHE = "CRITIC_WEB_FILM_CACHE"
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024  # one review is a few KB; an export of thousands fits


FormText = Annotated[str, Form()]
FormFlag = Annotated[bool, Form()]
FormFile = Annotated[UploadFile | None, File()]


@dataclass(frozen=True)
class WebConfig:
    db: str | None = None
    read_only: bool = False
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    film_cache: int = 256  # film pages kept (0: none); each is re-checked against the library

    @classmethod
    def from_env(cls) -> WebConfig:
        return cls(
            db=os.environ.get(ENV_DB) or None,
            read_only=os.environ.get(ENV_READ_ONLY, "") not in ("", "0", "false"),
            token=os.environ.get(ENV_TOKEN) or None,
            max_upload_bytes=int(os.environ.get(ENV_MAX_UPLOAD) or DEFAULT_MAX_UPLOAD),
            film_cache=int(os.environ.get(ENV_FILM_CACHE) or 256),
        )

    def to_env(self) -> dict[str, str]:
        env = {ENV_READ_ONLY: "1" if self.read_only else "0",
               ENV_MAX_UPLOAD: str(self.max_upload_bytes), ENV_FILM_CACHE: str(self.film_cache)}
        if self.db:
            env[ENV_DB] = str(self.db)
        if self.token:
            env[ENV_TOKEN] = self.token
        return env


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(segments=segments, score_histogram=score_histogram,
                       timeline_chart=timeline_chart)
    env.filters["score"] = lambda v: "–" if v is None else f"{float(v):.0f}"
    return env


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


def page_url(request: Request, **changes: Any) -> str:
    """This page's path with some query parameters changed (for pagination and sorting)."""
    query = dict(request.query_params)
    query.update({k: str(v) for k, v in changes.items() if v is not None})
    return request.url.path + ("?" + urlencode(query) if query else "")


def create_app(library: Library | None = None, config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig.from_env()
    if library is None:
        library = open_library(config.db, read_only=config.read_only)
    app = FastAPI(title="critic", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Film reviews in; films, scores, credits and aggregates out. "
                              "Every HTML page has a JSON twin at the same path plus `.json`.")
    app.state.library = library
    app.state.config = config
    templates = _templates()
    film_pages = FilmPageCache(config.film_cache)
    app.state.film_pages = film_pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Guard, max_body_bytes=config.max_upload_bytes)

    def render(request: Request, template: str, data: dict[str, Any],
               status: int = 200) -> Response:
        html = templates.get_template(template).render(
            data=data, request=request, config=config,
            page_url=functools.partial(page_url, request),
            writable=not (config.read_only or library.read_only))
        return HTMLResponse(html, status_code=status)

    def error(request: Request, status: int, message: str,
              extra: dict[str, Any] | None = None) -> Response:
        data = {"error": {"status": status, "message": message, **(extra or {})}}
        if wants_json(request):
            return json_response(data, status)
        return render(request, "error.html", data, status)

    View = Callable[..., dict[str, Any]]

    def page(path: str, template: str, name: str) -> Callable[[View], None]:
        """Register a view at `path` (HTML) and `path.json` (JSON): one function, two renderings."""
        def register(view: Callable[..., dict[str, Any]]) -> None:
            @functools.wraps(view)
            def as_json(**kwargs: Any) -> Response:
                return json_response(view(**kwargs))

            @functools.wraps(view)
            def as_html(**kwargs: Any) -> Response:
                return render(kwargs["request"], template, view(**kwargs))

            app.get(path + ".json", name=name + "_json", tags=["pages"],
                    summary=(view.__doc__ or name).strip().splitlines()[0])(as_json)
            app.get(path, name=name, include_in_schema=False, response_class=HTMLResponse)(as_html)
        return register

    # ------------------------------------------------------------------ errors
    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(Ambiguous)
    def ambiguous(request: Request, exc: Ambiguous) -> Response:
        return error(request, 409, str(exc), {"matches": exc.matches})

    @app.exception_handler(PermissionError)
    def forbidden(request: Request, exc: PermissionError) -> Response:
        return error(request, 403, str(exc) or "forbidden")

    @app.exception_handler(BodyTooLarge)
    def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return error(request, 413, f"request body over {config.max_upload_bytes} bytes")

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        if isinstance(exc.__cause__, BodyTooLarge):  # FastAPI wraps body-parsing failures in a 400
            return too_large(request, exc.__cause__)
        response = error(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
                    for e in exc.errors()]
        return error(request, 422, "invalid request", {"problems": problems})

    # ------------------------------------------------------------------ reading
    @page("/films", "home.html", "films")
    def home(request: Request, sort: str = "reviews", order: str = "desc", page: int = 1,
             per_page: int = 50) -> dict[str, Any]:
        """Films ranked by reviews, score or date, with the library's counts."""
        return views.home(library, sort, order != "asc", Paging.of(page, per_page))

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def index(request: Request, sort: str = "reviews", order: str = "desc", page: int = 1,
              per_page: int = 50) -> Response:
        return render(request, "home.html", views.home(library, sort, order != "asc",
                                                       Paging.of(page, per_page)))

    @app.get("/.json", include_in_schema=False)
    @app.get("/index.json", include_in_schema=False)
    def index_json(sort: str = "reviews", order: str = "desc", page: int = 1,
                   per_page: int = 50) -> Response:
        return json_response(views.home(library, sort, order != "asc", Paging.of(page, per_page)))

    @page("/films/{film_id:int}", "film.html", "film")
    def film(request: Request, film_id: int, page: int = 1, per_page: int = 25) -> dict[str, Any]:
        """A film's dossier: verdict, score, charts, reviews, people, works, quotes."""
        paging = Paging.of(page, per_page, 25)
        return film_pages.get(library, film_id, paging.page, paging.per_page,
                              lambda: views.film(library, film_id, paging))

    @page("/reviews/{review_id}", "review.html", "review")
    def review(request: Request, review_id: str) -> dict[str, Any]:
        """One review: clean text with people, titles and evidence marked."""
        return views.review(library, review_id)

    @app.get("/reviews/{review_id}/raw", tags=["pages"], summary="The raw input, as given")
    def raw(review_id: str) -> Response:
        found = library.raw(review_id)
        # Always plain text: a stored HTML page must never run in our origin.
        return Response(bytes(found["raw"]), media_type="text/plain; charset=utf-8",
                        headers={"content-disposition": "inline"})

    @page("/people/{person_id:int}", "person.html", "person")
    def person(request: Request, person_id: int, page: int = 1,
               per_page: int = 50) -> dict[str, Any]:
        """A person: films, roles, what critics said about them."""
        return views.person(library, person_id, Paging.of(page, per_page))

    @page("/people", "people.html", "people")
    def people(request: Request, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        """Everyone credited in the library."""
        return views.people_list(library, Paging.of(page, per_page))

    for kind, plural in (("critic", "critics"), ("outlet", "outlets")):
        def make(kind: str, plural: str) -> None:
            @page(f"/{plural}/{{source_id:int}}", "source.html", kind)
            def one(request: Request, source_id: int, page: int = 1,
                    per_page: int = 50) -> dict[str, Any]:
                """Reviews, average score and agreement with the consensus."""
                return views.source(library, kind, source_id, Paging.of(page, per_page))

            @page(f"/{plural}", "sources.html", plural)
            def many(request: Request, page: int = 1, per_page: int = 50) -> dict[str, Any]:
                """All of them, with review counts and mean scores."""
                return views.sources_list(library, kind, Paging.of(page, per_page))
        make(kind, plural)

    @page("/search", "search.html", "search")
    def search(request: Request, q: str = "", page: int = 1, per_page: int = 20) -> dict[str, Any]:
        """Full-text search: films, people and review snippets."""
        return views.search(library, q, Paging.of(page, per_page, 20))

    # ------------------------------------------------------------------ writing
    def check_write(request: Request, form_token: str | None) -> None:
        if config.read_only or library.read_only:
            raise PermissionError("this library is served read-only")
        if not config.token:
            return
        given = form_token or request.headers.get("x-critic-token") or ""
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not hmac.compare_digest(given.encode(), config.token.encode()):
            raise HTTPException(401, "a valid token is needed to change the library",
                                headers={"www-authenticate": "Bearer"})

    @page("/add", "add.html", "add_form")
    def add_form(request: Request) -> dict[str, Any]:
        """What the add form accepts."""
        return {"writable": not (config.read_only or library.read_only),
                "token_required": bool(config.token), "max_upload_bytes": config.max_upload_bytes,
                "fields": ["text", "file", "url", "film", "year", "critic", "outlet", "published",
                           "writer"]}

    def do_add(request: Request, text: str, file: UploadFile | None, url: str, film: str,
               year: str, critic: str, outlet: str, published: str, writer: str,
               token: str) -> dict[str, Any]:
        check_write(request, token or None)
        if year.strip() and not year.strip().isdigit():
            raise HTTPException(422, "year must be a number")
        if writer.strip() and writer_kind(writer) is None:
            raise HTTPException(422, "writer must be 'critic' or 'user'")
        overrides = Overrides(film=film.strip() or None, year=int(year) if year.strip() else None,
                              critic=critic.strip() or None, outlet=outlet.strip() or None,
                              published=published.strip() or None, writer=writer_kind(writer))
        upload = None
        if file is not None and file.filename:
            data = file.file.read(config.max_upload_bytes + 1)
            if len(data) > config.max_upload_bytes:
                raise BodyTooLarge()
            upload = (file.filename, data)
        try:
            return views.add(library, text, upload, url, overrides)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc

    @app.post("/add.json", tags=["write"], summary="Ingest pasted text, an upload or a URL")
    def add_json(request: Request, text: FormText = "", file: FormFile = None,
                 url: FormText = "", film: FormText = "", year: FormText = "",
                 critic: FormText = "", outlet: FormText = "", published: FormText = "",
                 writer: FormText = "", token: FormText = "") -> Response:
        result = do_add(request, text, file, url, film, year, critic, outlet, published, writer,
                        token)
        film_pages.clear()
        return json_response(result, 201 if result["added"] else 200)

    @app.post("/add", include_in_schema=False, response_class=HTMLResponse)
    def add_html(request: Request, text: FormText = "", file: FormFile = None,
                 url: FormText = "", film: FormText = "", year: FormText = "",
                 critic: FormText = "", outlet: FormText = "", published: FormText = "",
                 writer: FormText = "", token: FormText = "") -> Response:
        result = do_add(request, text, file, url, film, year, critic, outlet, published, writer,
                        token)
        film_pages.clear()
        return render(request, "added.html", result, 201 if result["added"] else 200)

    @app.post("/reanalyse.json", tags=["write"], summary="Re-run the analysis over stored input")
    def reanalyse_json(request: Request, scores_only: FormFlag = False,
                       token: FormText = "") -> Response:
        check_write(request, token or None)
        result = views.reanalyse(library, scores_only)
        film_pages.clear()
        return json_response(result)

    @app.post("/reanalyse", include_in_schema=False)
    def reanalyse_html(request: Request, scores_only: FormFlag = False,
                       token: FormText = "") -> Response:
        check_write(request, token or None)
        views.reanalyse(library, scores_only)
        film_pages.clear()
        return RedirectResponse("/", status_code=303)

    # ------------------------------------------------------------------ docs
    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return render(request, "docs.html", {})

    return app
