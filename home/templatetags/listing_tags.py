"""Template tags shared by the public listings: a register's filter form and its selects."""

from django import template
from django.utils.safestring import mark_safe

from wagtail.templatetags.wagtailcore_tags import pageurl

register = template.Library()


@register.inclusion_tag("includes/filter_select.html")
def filter_select(name, label, all_label, options, active, id_prefix="filter-", option_lang="", css_class=""):
    """A labelled ``<select name="name">`` whose first option (``all_label``) means "no filter".

    ``options`` holds ``(value, label)`` pairs or plain values that are their own label (years, subjects);
    the option equal to ``active`` is selected. ``option_lang`` marks every option's language when the
    values are not in the page's language (free-text subjects are Indonesian).
    """
    choices = []
    for option in options or ():
        value, text = option if isinstance(option, (tuple, list)) else (option, option)
        choices.append((value, text, active not in (None, "") and active == value))
    return {
        "id": f"{id_prefix}{name}",
        "name": name,
        "label": label,
        "all_label": all_label,
        "choices": choices,
        "option_lang": option_lang,
        "css_class": css_class,
    }


@register.tag
def filter_form(parser, token):
    """``{% filter_form heading submit_label %}…the fields…{% endfilter_form %}``: a register's filter form.

    The form sends the query string to the page in the context (``page``) and offers to clear the filters
    when ``active_filters`` in the context holds any; the fields (``{% filter_select %}``) go between the tags.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a heading and the submit button's label")
    nodelist = parser.parse(("endfilter_form",))
    parser.delete_first_token()
    return FilterFormNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


class FilterFormNode(template.Node):
    def __init__(self, nodelist, heading, submit_label):
        self.nodelist = nodelist
        self.heading = heading
        self.submit_label = submit_label

    def render(self, context):
        form = context.template.engine.get_template("includes/filter_form.html")
        values = {
            "action": pageurl(context, context["page"]),
            "heading": self.heading.resolve(context),
            "submit_label": self.submit_label.resolve(context),
            "fields": mark_safe(self.nodelist.render(context)),  # rendered by the template engine: escaped
            "filtered": bool(context.get("active_filters")),
        }
        with context.push(values):
            return form.render(context)
