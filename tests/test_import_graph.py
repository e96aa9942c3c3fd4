"""The project's modules import one way: no cycles, and no app imports a layer above its own.

The graph is read from the source with ``ast`` (nothing is imported), so imports inside functions count
as much as those at the top of a module. String model references (``"images.CityImage"``) and
``apps.get_model`` are not imports and do not count. The layers are described in docs/architecture.md.
"""

import ast
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "tests", "migrations", "node_modules", "static", "staticfiles", "media"}

# Top layer first (docs/architecture.md). A module may import from its own layer and any layer below it,
# never from a layer above.
LAYERS = [
    ("benchmarks",),  # scripts that measure the site; nothing imports them
    ("cms",),  # settings, URLs and the setup that knows every app (cms/roles.py)
    ("news", "heritage_pages", "smartcity", "ppid", "jdih", "alerts"),  # the content areas
    ("editorial", "search"),  # services the content areas use: roles, translation state, site search
    ("home",),  # the site's root pages, the OPD snippet, site settings, shared blocks
    ("images",),
    ("serving", "ops"),  # infrastructure every layer uses: routing, caches, health, logs
]
# Modules that import nothing from the project hold rules that every layer reads (the language rules, how a
# page type declares what site search reads); they count as the bottom layer whatever app they live in.
SHARED_LEAVES = {"home.bilingual", "search.fields"}


def project_modules():
    """Map dotted module names to their files, for every project .py file outside tests and migrations."""
    modules = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if any(part in SKIP_DIRS or part.startswith(".") for part in rel.parts[:-1]):
            continue
        if len(rel.parts) == 1:  # manage.py and other scripts at the root
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_names(module, path=None, source=None):
    """Every dotted name ``module`` imports, wherever the import statement stands in the file."""
    if source is None:
        source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    is_package = path is not None and path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            for alias in node.names:
                # ``from pkg import name`` resolves to the submodule ``pkg.name`` if there is one, else to ``pkg``.
                yield f"{prefix}.{alias.name}"


def resolve(name, modules):
    """The longest project module that ``name`` is, or is inside; None for third-party names."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def import_graph():
    """``{module: {modules it imports}}`` for every project module."""
    modules = project_modules()
    graph = {module: set() for module in modules}
    for module, path in modules.items():
        for name in imported_names(module, path):
            target = resolve(name, modules)
            if target and target != module:
                graph[module].add(target)
    return graph


def strongly_connected(graph):
    """Tarjan's algorithm, iterative: the components with more than one module."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def layer_of(module):
    if module in SHARED_LEAVES:
        return len(LAYERS)
    app = module.split(".")[0]
    for depth, apps in enumerate(LAYERS):
        if app in apps:
            return depth
    return None


class ImportGraphTests(SimpleTestCase):
    def test_no_import_cycles(self):
        """No group of project modules imports itself back, directly or through others."""
        cycles = strongly_connected(import_graph())
        self.assertEqual(cycles, [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles))

    def test_lower_layers_never_import_higher_ones(self):
        """A module never imports from an app in a higher layer (docs/architecture.md)."""
        wrong = []
        for module, targets in import_graph().items():
            here = layer_of(module)
            for target in targets:
                there = layer_of(target)
                if here is not None and there is not None and there < here:
                    wrong.append(f"{module} -> {target}")
        self.assertEqual(sorted(wrong), [], "imports against the layering:\n" + "\n".join(sorted(wrong)))

    def test_every_app_has_a_layer(self):
        """Every top-level package of the project is placed in a layer, so the rule above covers it."""
        apps = {module.split(".")[0] for module in project_modules()}
        placed = {app for apps in LAYERS for app in apps}
        self.assertEqual(sorted(apps - placed), [])

    def test_the_cycle_finder_reports_each_loop_once(self):
        """A loop through two or three modules is one component; a module importing a loop is not in it."""
        graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"f"}, "f": {"e"}, "g": set()}
        self.assertEqual(sorted(strongly_connected(graph)), [["a", "b", "c"], ["e", "f"]])

    def test_shared_leaves_import_nothing_from_the_project(self):
        """The modules every layer may read stay leaves, so reading them can never close a loop."""
        graph = import_graph()
        self.assertEqual({leaf: sorted(graph[leaf]) for leaf in SHARED_LEAVES}, {leaf: [] for leaf in SHARED_LEAVES})

    def test_the_walker_sees_lazy_imports_and_submodules(self):
        """Imports inside functions, relative imports and ``from pkg import submodule`` are edges of the graph."""
        source = (
            "from home import bilingual\n"
            "from . import choices\n"
            "def view():\n"
            "    from news.models import NewsPage\n"
            "    import serving.params\n"
        )
        modules = {
            name: None for name in ("home", "home.bilingual", "smartcity.choices", "news.models", "serving.params")
        }
        names = imported_names("smartcity.views", source=source)
        self.assertEqual(
            {resolve(name, modules) for name in names} - {None},
            {"home.bilingual", "smartcity.choices", "news.models", "serving.params"},  # the submodule, not "home"
        )
