"""Turns the checkout into one installable package, `accord` (issue 13). Run at the repository
root: `python scripts/package_layout.py`. Running it again changes nothing, and it is driven by
patterns rather than line numbers so that it replays on a newer tree:

- flows/, transforms/, scrape/ and warehouse/ stay where they are and install as
  accord.flows, accord.transforms, accord.scrape and accord.warehouse (setuptools package-dir);
  sql/, config/ and samples/ install as the data packages accord.sql, accord.config and
  accord.samples, found through importlib.resources;
- every import and dotted module path (code, strings, comments, docs) gets the `accord.` prefix;
- accord/settings.py finds the bundled folders through importlib.resources, and
  warehouse/build.py orders the SQL models by the `-- depends on:` header each declares;
- a mart that another model reads becomes an intermediate model the mart selects from, so that
  marts read only intermediates and staging; every model gets its `-- depends on:` header.

A definition this script replaces is checked against the version it was written for: if it has
changed on the tree since, the script stops and names it instead of overwriting someone's work.
"""
from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGES = ("flows", "transforms", "scrape", "warehouse")
DATA_PACKAGES = {"sql": "SQL models and data checks, shipped as package data (accord.sql).",
                 "config": "The default config files, shipped as package data (accord.config); "
                           "$ACCORD_CONFIG_DIR points at a user's own copy.",
                 "samples": "The bundled sample site, shipped as package data (accord.samples)."}
PACKAGE_DATA = {"accord.sql": ["*/*.sql"], "accord.config": ["*.toml"],
                "accord.samples": ["site/*", "site/*/*"]}
SKIP_DIRS = {".git", ".venv", "data", "build", "dist", "node_modules", "__pycache__"}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yaml", ".yml", ".cfg", ".txt"}
ROOT = Path.cwd()
THIS = Path(__file__).resolve()


def main() -> int:
    if not (ROOT / "pyproject.toml").exists() or not all((ROOT / p).is_dir() for p in PACKAGES):
        sys.exit("run this at the repository root")
    changed = []
    changed += rewrite_pyproject()
    changed += add_data_package_inits()
    changed += rewrite_module_references()
    changed += replace_definitions()
    changed += sql_dependencies()
    changed += describe_layout()
    sort_imports()
    for path in changed:
        print(f"rewrote {path.relative_to(ROOT)}")
    print(f"{len(changed)} files changed")
    return 0


# --- pyproject.toml -----------------------------------------------------------------------------

def package_list() -> list[str]:
    """accord, each mapped folder and every sub-package under it (a folder with __init__.py)."""
    names = ["accord"]
    for folder in PACKAGES:
        for init in sorted((ROOT / folder).rglob("__init__.py")):
            rel = init.parent.relative_to(ROOT / folder)
            names.append(".".join(["accord", folder, *rel.parts]))
    return names + [f"accord.{name}" for name in DATA_PACKAGES]


def rewrite_pyproject() -> list[Path]:
    path = ROOT / "pyproject.toml"
    text = path.read_text()
    packages = ", ".join(f'"{name}"' for name in package_list())
    dirs = ", ".join(f'"accord.{name}" = "{name}"' for name in (*PACKAGES, *DATA_PACKAGES))
    setuptools = (f"[tool.setuptools]\n"
                  f"# one import package, accord; its sub-packages keep their top-level folders\n"
                  f"packages = [{packages}]\n"
                  f"package-dir = {{{dirs}}}\n")
    text = re.sub(r"^\[tool\.setuptools\]\n(?:(?!\[)[^\n]*\n)*", setuptools + "\n", text, count=1, flags=re.M)
    data = "\n".join(['accord = ["*.html"]'] + [f'"{pkg}" = {json.dumps(globs)}'
                                                for pkg, globs in PACKAGE_DATA.items()])
    text = re.sub(r"^\[tool\.setuptools\.package-data\]\n(?:(?!\[)[^\n]*\n)*",
                  f"[tool.setuptools.package-data]\n{data}\n\n", text, count=1, flags=re.M)
    text = re.sub(r"^known-first-party = \[[^\]]*\]", 'known-first-party = ["accord"]', text, flags=re.M)
    return write_if_changed(path, text)


def add_data_package_inits() -> list[Path]:
    changed = []
    for name, doc in DATA_PACKAGES.items():
        init = ROOT / name / "__init__.py"
        if (ROOT / name).is_dir() and not init.exists():
            init.write_text(f'"""{doc}"""\n')
            changed.append(init)
    return changed


# --- imports and dotted module paths ------------------------------------------------------------

def submodules(folder: str) -> list[str]:
    base = ROOT / folder
    names = {p.stem for p in base.glob("*.py") if p.stem != "__init__"}
    names |= {p.parent.name for p in base.glob("*/__init__.py")}
    return sorted(names, key=len, reverse=True)


def reference_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    for folder in PACKAGES:
        mods = "|".join(map(re.escape, submodules(folder)))
        # `transforms.speakers` anywhere (imports, strings, comments, docs), never
        # `accord.transforms.speakers`, a path (`transforms/x.py`) or a file (`warehouse.duckdb`)
        patterns.append((re.compile(rf"(?<![\w./-])({folder})\.({mods})\b"), r"accord.\1.\2"))
        # `from transforms import x` and `import transforms` (the bare package)
        patterns.append((re.compile(rf"^(\s*)from {folder} import\b", re.M), rf"\1from accord.{folder} import"))
        patterns.append((re.compile(rf"^(\s*)import {folder}\b(?!\.)", re.M), rf"\1import accord.{folder}"))
    return patterns


def text_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in path.relative_to(ROOT).parts):
            continue
        if path.is_file() and path.suffix in TEXT_SUFFIXES and path.resolve() != THIS and path.name != "pyproject.toml":
            found.append(path)
    return sorted(found)


def rewrite_module_references() -> list[Path]:
    patterns = reference_patterns()
    changed = []
    for path in text_files():
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        new = text
        for pattern, replacement in patterns:
            new = pattern.sub(replacement, new)
        changed += write_if_changed(path, new)
    return changed


# --- definitions replaced whole -----------------------------------------------------------------

SETTINGS_HEAD = '''\

def bundled(package: str) -> Path:
    """The folder of a data package shipped with Accord (accord.sql, accord.config,
    accord.samples): the checkout's folder in an editable install, its copy in site-packages
    in an installed wheel."""
    return Path(str(files(package)))


# the checkout, for what only a checkout has (bench/, ../shared); never for what a wheel ships
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = bundled("accord.sql")
SAMPLE_SITE_DIR = bundled("accord.samples") / "site"
'''

SETTINGS_CONFIG_DIR = '''\
def config_dir() -> Path:
    """$ACCORD_CONFIG_DIR, else the default config shipped with Accord (accord.config)."""
    return Path(os.environ.get("ACCORD_CONFIG_DIR") or bundled("accord.config"))
'''

BUILD_MODEL = '''\
@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str

    @property
    def materialized(self) -> str:
        """`table`, or `view` when its header says `-- materialized: view`: for models too large
        to store whole that analysts read a slice of at a time."""
        return "view" if re.search(r"^--\\s*materialized:\\s*view\\b", self.sql, re.MULTILINE) else "table"

    @property
    def depends_on(self) -> tuple[str, ...]:
        """The models and raw tables its header declares it reads: `-- depends on: a, b`."""
        declared = re.search(r"^--\\s*depends on:([^\\n]*)", self.sql, re.MULTILINE)
        if declared is None:
            raise ValueError(f"{self.layer}/{self.name}.sql: no `-- depends on:` header")
        return tuple(name for name in re.split(r"[\\s,]+", declared[1]) if name)
'''

BUILD_DISCOVER = '''\
def discover_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Every model file, ordered so that each comes after the models it declares it reads; a
    declaration that misses a table the SQL reads, names one it does not, or reads against the
    layers (staging <- raw, intermediate <- staging, marts <- intermediate and staging) is refused."""
    models = {p.stem: Model(p.stem, layer, p.read_text().strip().rstrip(";"))
              for layer in LAYERS for p in sorted((sql_dir / layer).glob("*.sql"))}
    sources = {f"raw_{table}" for table in TABLES} | {"near_duplicates"}
    for model in models.values():
        check_dependencies(model, models, sources)
    ordered: list[Model] = []
    visiting: set[str] = set()

    def visit(model: Model) -> None:
        if model in ordered:
            return
        if model.name in visiting:
            raise ValueError(f"models depend on each other in a cycle through {model.name}")
        visiting.add(model.name)
        for name in model.depends_on:
            if name in models:
                visit(models[name])
        visiting.discard(model.name)
        ordered.append(model)

    for model in models.values():
        visit(model)
    return ordered


# which layers each layer may read; `source` is a raw table or the near-duplicate grouping
READS = {"staging": {"source", "staging"}, "intermediate": {"source", "staging", "intermediate"},
         "marts": {"staging", "intermediate"}}


def check_dependencies(model: Model, models: dict[str, Model], sources: set[str]) -> None:
    where = f"{model.layer}/{model.name}.sql"
    declared = set(model.depends_on)
    read = tables_read(model.sql) & (set(models) | sources)
    if unknown := declared - set(models) - sources:
        raise ValueError(f"{where}: depends on unknown {sorted(unknown)}")
    if undeclared := read - declared:
        raise ValueError(f"{where}: reads {sorted(undeclared)} without declaring it in `-- depends on:`")
    if unread := declared - read:
        raise ValueError(f"{where}: declares {sorted(unread)} but does not read it")
    for name in declared:
        layer = models[name].layer if name in models else "source"
        if layer not in READS[model.layer]:
            raise ValueError(f"{where}: a {model.layer} model may not read {layer} {name}")


def tables_read(sql: str) -> set[str]:
    """The names after `from` and `join`, less the query's own CTEs."""
    sql = strip_comments(sql)
    ctes = set(re.findall(r"(?:\\bwith|,)\\s*(\\w+)\\s+as\\s*(?:not\\s+)?(?:materialized\\s*)?\\(", sql, re.I))
    return set(re.findall(r"\\b(?:from|join)\\s+(\\w+)", sql, re.I)) - ctes
'''

# (file, top-level name, first 8 hex digits of the sha256 of the definition this script was
# written against, its new source)
REPLACEMENTS = [
    ("accord/settings.py", "PROJECT_ROOT", "0f23040e", SETTINGS_HEAD),
    ("accord/settings.py", "config_dir", "6cc4cc98", SETTINGS_CONFIG_DIR),
    ("warehouse/build.py", "Model", "e86dcbb2", BUILD_MODEL),
    ("warehouse/build.py", "discover_models", "deb1cb5f", BUILD_DISCOVER),
]


def definition_span(tree: ast.Module, name: str) -> tuple[int, int] | None:
    """First and last line (1-based) of a top-level def, class or assignment to `name`, with
    its decorators; for PROJECT_ROOT, the run of assignments it starts (SQL_DIR, ...)."""
    body = tree.body
    for i, node in enumerate(body):
        names = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
        if getattr(node, "name", None) == name or name in names:
            start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            end = node.end_lineno
            if names:  # a block of module constants: take the assignments that follow
                for after in body[i + 1:]:
                    if not isinstance(after, ast.Assign):
                        break
                    end = after.end_lineno
            return start, end
    return None


def replace_definitions() -> list[Path]:
    changed = []
    for file, name, expected, new in REPLACEMENTS:
        path = ROOT / file
        text = path.read_text()
        if new.strip() in text:
            continue
        lines = text.splitlines(keepends=True)
        span = definition_span(ast.parse(text), name)
        if span is None:
            sys.exit(f"{file}: no top-level {name} to replace; merge it by hand from {THIS.name}")
        old = "".join(lines[span[0] - 1:span[1]])
        if hashlib.sha256(old.encode()).hexdigest()[:8] != expected:
            sys.exit(f"{file}: {name} has changed since this script was written; merge its new "
                     f"version from {THIS.name} by hand, then run the script again")
        text = "".join(lines[:span[0] - 1]) + new + "".join(lines[span[1]:])
        text = ensure_import(text, file)
        changed += write_if_changed(path, text)
    return changed


def ensure_import(text: str, file: str) -> str:
    if file.endswith("settings.py") and "from importlib.resources import files" not in text:
        text = re.sub(r"^import tomllib\n", "import tomllib\nfrom importlib.resources import files\n",
                      text, count=1, flags=re.M)
    return text


# --- README ------------------------------------------------------------------------------------

LAYOUT_NOTE = (
    "One import package is installed, `accord`: each folder above is a part of it (setuptools\n"
    "`package-dir` in pyproject.toml), so `pip install .` puts nothing else on the import path.\n"
    "`sql/`, `config/` and the sample site are package data, found through `importlib.resources`\n"
    "(`accord.settings.bundled`); `$ACCORD_CONFIG_DIR` still points at a user's own config folder.\n"
    "Layers import downward only, cli → flows → pipeline steps → scrape, transforms, warehouse →\n"
    "settings (`tests/test_layering.py`), and each SQL model names what it reads in a\n"
    "`-- depends on:` header that the build checks.\n")


def describe_layout() -> list[Path]:
    path = ROOT / "README.md"
    if not path.exists():
        return []
    text = path.read_text()
    for name in (*PACKAGES, *DATA_PACKAGES):
        text = re.sub(rf"^\| `{name}/` \|(?! `accord)", f"| `{name}/` | `accord.{name}`:", text, flags=re.M)
    if LAYOUT_NOTE not in text:
        # after the Layout table: the first blank line following its header row
        text = re.sub(r"(^## Layout\n\n\| folder \|[^\n]*\n(?:\|[^\n]*\n)*)\n", rf"\1\n{LAYOUT_NOTE}\n",
                      text, count=1, flags=re.M)
    return write_if_changed(path, text)


# --- SQL model dependencies ---------------------------------------------------------------------

SQL_KEYWORDS = {"using", "on", "where", "left", "right", "inner", "full", "cross", "join", "group",
                "order", "limit", "natural", "union", "except", "intersect", "qualify", "having",
                "window", "positional", "asof", "anti", "semi", "lateral"}


def strip_sql_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def sql_tables_read(sql: str) -> set[str]:
    sql = strip_sql_comments(sql)
    ctes = set(re.findall(r"(?:\bwith|,)\s*(\w+)\s+as\s*(?:not\s+)?(?:materialized\s*)?\(", sql, re.I))
    return set(re.findall(r"\b(?:from|join)\s+(\w+)", sql, re.I)) - ctes


def sql_models() -> dict[str, Path]:
    return {p.stem: p for layer in ("staging", "intermediate", "marts")
            for p in sorted((ROOT / "sql" / layer).glob("*.sql"))}


def sql_dependencies() -> list[Path]:
    changed = []
    models = sql_models()
    marts = {name for name, p in models.items() if p.parent.name == "marts"}
    # a mart another model reads moves into intermediate/ as int_<mart>; the mart selects from it
    for name, path in models.items():
        if path.parent.name == "staging":
            continue
        for mart in sorted(sql_tables_read(path.read_text()) & marts - {name}):
            changed += split_mart(mart, models[mart])
            text = path.read_text()
            new = re.sub(rf"\b(from|join)(\s+){mart}\b(?!\s*\()(\s+(\w+))?",
                         lambda m, mart=mart: reader_rewrite(m, mart), text, flags=re.I)
            changed += write_if_changed(path, new)
    models = sql_models()
    sources_pattern = re.compile(r"raw_\w+|near_duplicates")
    for path in models.values():
        text = path.read_text()
        read = sorted(t for t in sql_tables_read(text) if t in models or sources_pattern.fullmatch(t))
        header = f"-- depends on: {', '.join(read)}\n"
        body = re.sub(r"^--\s*depends on:[^\n]*\n", "", text, flags=re.M)
        changed += write_if_changed(path, header + body)
    return list(dict.fromkeys(changed))


def reader_rewrite(m: re.Match, mart: str) -> str:
    alias = m[4]
    if alias and alias.lower() not in SQL_KEYWORDS:
        # already aliased (`join speakers s` or `join speakers as s`)
        return f"{m[1]}{m[2]}int_{mart}{m[3]}"
    return f"{m[1]}{m[2]}int_{mart} as {mart}{m[3] or ''}"


def split_mart(mart: str, path: Path) -> list[Path]:
    target = ROOT / "sql" / "intermediate" / f"int_{mart}.sql"
    if target.exists():
        return []
    text = path.read_text()
    comment = re.match(r"(?:--[^\n]*\n)*", re.sub(r"^--\s*(depends on|materialized):[^\n]*\n", "", text, flags=re.M))[0]
    target.write_text(text)
    path.write_text(f"{comment}select * from int_{mart}\n")
    return [target, path]


def sort_imports() -> None:
    """The `accord.` prefix changes how first-party imports sort: ruff puts them back in order
    when it is installed (the project's venv has it)."""
    ruff = shutil.which("ruff") or next((str(p) for p in (ROOT / ".venv" / "bin" / "ruff",
                                                         Path(sys.executable).with_name("ruff")) if p.exists()), None)
    if ruff is None:
        print("ruff not found: run `ruff check --fix --select I .` to sort the rewritten imports")
        return
    subprocess.run([ruff, "check", "--quiet", "--fix", "--select", "I", "."], cwd=ROOT, check=False)


def write_if_changed(path: Path, text: str) -> list[Path]:
    if path.read_text(encoding="utf-8", errors="surrogateescape") == text:
        return []
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    return [path]


if __name__ == "__main__":
    sys.exit(main())
