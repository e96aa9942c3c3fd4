"""Our model classes read whole in their own module: every method they have is written in a class body.

A function set on a model class from elsewhere (``Page.listing_context = listing.build`` in an
``AppConfig.ready()``) is a method nobody reading ``models.py`` can see. The model imports the module and calls
it instead (docs/architecture.md, "Page models and the code that queries them").
"""

import inspect
from pathlib import Path

from django.apps import apps
from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent


def function_of(value):
    """The plain function behind a class attribute (a method, static or class method, property or cached
    property), or None when the attribute is not one."""
    for attribute in ("__func__", "fget", "func"):
        inner = getattr(value, attribute, None)
        if inspect.isfunction(inner):
            return inner
    return value if inspect.isfunction(value) else None


def is_ours(thing):
    """True when ``thing`` (a class or a function) is written in the project, not in an installed package."""
    path = Path(getattr(inspect.getmodule(thing), "__file__", None) or "/")
    return path.is_relative_to(ROOT) and ".venv" not in path.relative_to(ROOT).parts


def attached_functions(klass):
    """``name = module.function`` for each function of the project set on ``klass`` outside its class body.

    Functions that Django and the installed packages add to model classes (modeltranslation's patched
    ``__init__``, for one) are theirs to add.
    """
    found = []
    for name, value in vars(klass).items():
        function = function_of(value)
        if function is None or not is_ours(function):
            continue
        if not function.__qualname__.startswith(f"{klass.__qualname__}."):
            found.append(
                f"{klass.__module__}.{klass.__qualname__}.{name} = {function.__module__}.{function.__qualname__}"
            )
    return found


def our_classes():
    """Every class in the MRO of every model of the project's apps that is itself written in the project."""
    seen = set()
    for model in apps.get_models():
        for klass in model.__mro__:
            if klass in seen or not is_ours(klass):
                continue
            seen.add(klass)
            yield klass


class ModelClassTests(SimpleTestCase):
    def test_no_function_is_attached_to_a_model_class(self):
        """Every method, property and static method of our models and their mixins is written in the class."""
        found = [line for klass in our_classes() for line in attached_functions(klass)]
        self.assertEqual(sorted(found), [])

    def test_the_check_sees_our_page_classes(self):
        """The walk above reaches the page types whose methods used to be attached (so it can fail)."""
        names = {klass.__qualname__ for klass in our_classes()}
        self.assertLessEqual(
            {"NewsIndexPage", "HeritageIndexPage", "SmartCityIndexPage", "JDIHIndexPage", "DIPRegisterPage"}, names
        )

    def test_an_attached_function_is_reported(self):
        """A function set on a class after its body, as a method or a static method, is named."""

        def listing_context(page, request):
            return {}

        class Register:
            def get_context(self, request):
                return {}

        Register.listing_context = listing_context
        Register.figures = staticmethod(listing_context)
        self.assertEqual(len(attached_functions(Register)), 2)
        self.assertTrue(all("listing_context" in line for line in attached_functions(Register)))
