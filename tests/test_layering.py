"""Layers import downward only: CLI -> flows -> pipeline steps -> (scrape, transforms, warehouse)
-> base helpers. Reads every module's imports (also those inside functions) with ast."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"accord": "accord", "flows": "accord.flows", "transforms": "accord.transforms",
           "scrape": "accord.scrape", "warehouse": "accord.warehouse"}

# top to bottom: a module imports from its own layer or a lower one. A new module under accord/
# has to be placed here, which is the point: someone decides where it belongs.
LAYERS = [
    ("cli", {"accord.cli", "accord.interrupt", "accord.evaluate", "accord.preflight"}),
    ("flows", {"accord.flows"}),
    ("steps", {"accord.parse_pages", "accord.parse_workers", "accord.parse_cache", "accord.backfill",
               "accord.report", "accord.query"}),
    ("domain", {"accord.scrape", "accord.transforms", "accord.warehouse"}),
    ("base", {"accord", "accord.settings", "accord.storage", "accord.retry", "accord.progress",
              "accord.prefect_env"}),
]
# within the transforms, the same rule: what flows through them, page -> speech -> analysis
TRANSFORM_LAYERS = [
    ("entry points", {"accord.transforms", "accord.transforms.extraction", "accord.transforms.article_records"}),
    ("analysis", {"accord.transforms.analysis"}),
    ("speech", {"accord.transforms.speech"}),
    ("page", {"accord.transforms.page"}),
    ("shared records", {"accord.transforms.records", "accord.transforms.countries", "accord.transforms.lexicon"}),
]
OLD_TOP_LEVEL = {"flows", "transforms", "scrape", "warehouse"}


def layer_of(module: str, layers: list = LAYERS) -> int:
    """Index in `layers` of the longest prefix naming `module` (or its package)."""
    best = None
    for index, (_, names) in enumerate(layers):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best[1])):
                best = (index, name)
    if best is None:
        raise AssertionError(f"{module} is in no layer of tests/test_layering.py: place it there")
    return best[0]


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for folder, package in FOLDERS.items():
        for path in sorted((root / folder).rglob("*.py")):
            parts = path.relative_to(root / folder).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            found[".".join([package, *parts])] = path
    return found


def imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import, absolute or relative."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")[:len(module.split(".")) - node.level + (path.name == "__init__.py")]
                base = ".".join(package + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            # `from accord import settings` imports the module accord.settings
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names] if base == "accord" else [
                (node.lineno, base)]
    return found


def upward_imports(root: Path = ROOT) -> list[str]:
    problems = []
    for module, path in modules(root).items():
        own = layer_of(module)
        for line, target in imports(path, module):
            where = f"{path.relative_to(root)}:{line}"
            if target.split(".")[0] in OLD_TOP_LEVEL:
                problems.append(f"{where}: imports {target}; since the one-package layout it is accord.{target}")
                continue
            if target != "accord" and not target.startswith("accord."):
                continue
            if target.startswith("accord.") and target.split(".")[1] in {"sql", "config", "samples"}:
                continue
            if layer_of(target) < own:
                problems.append(f"{where}: {module} ({LAYERS[own][0]}) imports {target} ({LAYERS[layer_of(target)][0]})")
            if module.startswith("accord.transforms") and not target.startswith("accord.transforms"):
                problems.append(f"{where}: transforms are pure and import only transforms, not {target}")
            elif module.startswith("accord.transforms") and (
                    layer_of(target, TRANSFORM_LAYERS) < (own_step := layer_of(module, TRANSFORM_LAYERS))):
                problems.append(f"{where}: {module} ({TRANSFORM_LAYERS[own_step][0]}) imports {target} "
                                f"({TRANSFORM_LAYERS[layer_of(target, TRANSFORM_LAYERS)][0]})")
    return problems


def test_layers_import_downward_only():
    assert upward_imports() == []


def test_the_check_sees_an_upward_import_and_an_old_name(tmp_path):
    (tmp_path / "warehouse").mkdir()
    (tmp_path / "warehouse" / "leaky.py").write_text("def f():\n    from accord.flows.tasks import build_step\n")
    (tmp_path / "transforms" / "page").mkdir(parents=True)
    # an import under the name the folders had before the one-package layout
    (tmp_path / "transforms" / "old.py").write_text("from transforms.gone import split\n")
    # the page layer reaching up into speech
    (tmp_path / "transforms" / "page" / "title.py").write_text("from accord.transforms.speech.quotes import find\n")
    assert upward_imports(tmp_path) == [
        "transforms/old.py:1: imports transforms.gone; since the one-package layout it is accord.transforms.gone",
        "transforms/page/title.py:1: accord.transforms.page.title (page) imports accord.transforms.speech.quotes (speech)",
        "warehouse/leaky.py:2: accord.warehouse.leaky (domain) imports accord.flows.tasks (flows)"]
