"""The library's tables, as SQLAlchemy Core metadata.

Portable types only (no SQLite-specific columns) so the same schema can run on PostgreSQL;
the one SQLite-specific piece, the FTS5 index, is created by a migration for that dialect.
JSON columns hold analysis output whose shape belongs to the analysis stages, not the store.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

# The untouched input. A review's id is the document's id: a hash of the normalized clean text.
documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("fields", JSON, nullable=False, default=dict),  # row fields / CLI overrides as given
    Column("ingested_at", String(32), nullable=False),
)

films = Table(
    "films",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False),  # critic.analyse.films.title_key(title)
    Column("title", Text, nullable=False),
    Column("year", Integer),
    Column("mpaa_rating", String(16)),
    Column("imdb_id", String(16)),  # the catalog's tconst when the film matched one (migration 3)
    Index("ix_films_key", "key"),
    Index("ix_films_imdb_id", "imdb_id"),
)

critics = Table(
    "critics",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("name", Text, nullable=False),
)

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("name", Text, nullable=False),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("film_id", Integer, ForeignKey("films.id"), index=True),
    Column("critic_id", Integer, ForeignKey("critics.id"), index=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), index=True),
    Column("published", String(10)),  # ISO date
    Column("url", Text),
    Column("text", Text, nullable=False),  # clean text; every span indexes into it
    Column("grade", Text),  # as the critic wrote it
    Column("grade_score", Float),  # normalized 0-100, None when it can't be read
    Column("score", Float, nullable=False),
    Column("fresh", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("score_source", String(16), nullable=False),  # "grade" | "model"
    Column("model_score", Float),
    Column("scorer_id", String(100), nullable=False),
    Column("scorer_version", String(32), nullable=False),
    Column("film_guess", JSON),  # FilmGuess as a dict: title, year, confidence, reasons, spans
    Column("mpaa_rating", String(16)),
    Column("meta", JSON, nullable=False, default=dict),  # DocumentMeta as a dict
    Column("evidence", JSON, nullable=False, default=list),
    Column("extraction", JSON),  # people / works / quotes with spans
    Column("components", JSON, nullable=False, default=dict),  # component id -> version
    Column("analysed_at", String(32), nullable=False),
    # what the IMDb catalog added (film match, people matched); None without one (migration 3)
    Column("catalog", JSON),
    Index("ix_reviews_published", "published"),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("imdb_id", String(16)),  # the catalog's nconst once a review matched one (migration 3)
)

# Derived per film from its reviews' extractions (recomputed, never edited by hand).
credits = Table(
    "credits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("film_id", Integer, ForeignKey("films.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False, index=True),
    Column("job", String(32), nullable=False),
    Column("character", Text),
    Column("note", Text),
    Column("review_ids", JSON, nullable=False),
    Column("support", Integer, nullable=False),
    UniqueConstraint("film_id", "person_id", "job", "character", name="uq_credit"),
)

# Film-level derived lists (works mentioned, quotes, aliases) kept as JSON per film.
film_facts = Table(
    "film_facts",
    metadata,
    Column("film_id", Integer, ForeignKey("films.id"), primary_key=True),
    Column("people", JSON, nullable=False, default=list),
    Column("works", JSON, nullable=False, default=list),
    Column("quotes", JSON, nullable=False, default=list),
)


# The optional IMDb catalog (migration 3): a filtered copy of IMDb's public dataset files,
# replaced as a whole by `critic catalog import`. Ids are kept as IMDb writes them (tt..., nm...).
catalog_titles = Table(
    "catalog_titles",
    metadata,
    Column("tconst", String(16), primary_key=True),
    Column("title_key", String(300), nullable=False),  # critic.analyse.films.title_key(title)
    Column("title", Text, nullable=False),
    Column("original_title", Text),
    Column("kind", String(16), nullable=False),  # IMDb titleType: movie, tvMovie, short, ...
    Column("year", Integer),
    Column("runtime", Integer),
    Column("genres", Text),
    Index("ix_catalog_titles_key", "title_key"),
)

catalog_akas = Table(
    "catalog_akas",
    metadata,
    Column("tconst", String(16), nullable=False),
    Column("title_key", String(300), nullable=False),
    Column("title", Text, nullable=False),
    Column("region", String(8)),
    Index("ix_catalog_akas_key", "title_key"),
    Index("ix_catalog_akas_tconst", "tconst"),
)

catalog_names = Table(
    "catalog_names",
    metadata,
    Column("nconst", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("surname", String(200), nullable=False),  # critic.analyse.identity.person_key(name)
    Column("first", String(200), nullable=False),
    Column("birth_year", Integer),
    Column("death_year", Integer),
)

catalog_credits = Table(
    "catalog_credits",
    metadata,
    Column("tconst", String(16), nullable=False),
    Column("nconst", String(16), nullable=False),
    Column("ordering", Integer, nullable=False),
    Column("category", String(32), nullable=False),  # as IMDb wrote it
    Column("job", String(32), nullable=False),  # the project's job (critic.analyse.credits.JOBS)
    Column("imdb_job", Text),  # IMDb's free-text job column ("novel", "screenplay")
    Column("characters", Text),  # IMDb's JSON list of character names, as given
    Index("ix_catalog_credits_tconst", "tconst"),
)

# One row per `critic catalog import`: when, from which files, what each file gave.
catalog_imports = Table(
    "catalog_imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("imported_at", String(32), nullable=False),
    Column("files", JSON, nullable=False),
    Column("counts", JSON, nullable=False),
)
