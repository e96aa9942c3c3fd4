"""The public PPID views behind the pages' routes: the request form, the private status page, and the
downloads from the private storage (register documents, files sent to a requester).

Everything a requester sees is ``Cache-Control: private, no-store``: the page cache skips private
responses, and no browser or proxy keeps them.

``ppid.models`` imports this module (the pages' routes call these views with the page), so it imports the
request records (``ppid.records``) and never the page models.
"""

from django.http import FileResponse, Http404
from django.utils import translation
from django.utils.translation import gettext as _

from ppid import handling, ratelimit
from ppid.forms import ObjectionForm, RequestForm
from ppid.records import InformationRequest

PRIVATE = "private, no-store"


def private(response):
    response["Cache-Control"] = PRIVATE
    if response.has_header("Expires"):
        del response["Expires"]
    return response


def request_form(request, page):
    """GET: the empty form. POST: validate, rate-limit, save, then show the registration number and link."""
    language = translation.get_language()
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES)
        limited = ratelimit.hit(request)
        if form.is_spam:
            # A robot filled in the hidden field: answer as if received, keep nothing.
            return private(page.render(request, template="ppid/request_done.html", context_overrides={"spam": True}))
        if limited:
            form.add_error(None, _("Too many requests were sent from your address. Please try again in an hour."))
            response = page.render(request, context_overrides={"form": form})
            response.status_code = 429
            return private(response)
        if form.is_valid():

            def status_url_for(token):
                return request.build_absolute_uri(page.get_url(request) + page.reverse_subpage("status", args=(token,)))

            request_obj, token = handling.submit_request(form.cleaned_data, language, status_url_for)
            return private(
                page.render(
                    request,
                    template="ppid/request_done.html",
                    context_overrides={"request_obj": request_obj, "status_url": status_url_for(token)},
                )
            )
        return private(page.render(request, context_overrides={"form": form}))
    return private(page.render(request, context_overrides={"form": RequestForm()}))


def request_status(request, page, token):
    """The requester's own page: status, deadline, steps with messages and files, and the objection form."""
    request_obj = InformationRequest.find_by_token(token)
    if request_obj is None:
        raise Http404
    objection_form = None
    filed = False
    if request_obj.may_object():
        objection_form = ObjectionForm(request.POST or None) if request.method == "POST" else ObjectionForm()
        if request.method == "POST" and objection_form.is_valid():
            handling.file_objection(request_obj, objection_form.cleaned_data)
            objection_form = None
            filed = True
    events = list(request_obj.events.order_by("created_at", "pk"))
    return private(
        page.render(
            request,
            template="ppid/request_status.html",
            context_overrides={
                "request_obj": request_obj,
                "token": token,
                "events": events,
                "objections": list(request_obj.objections.all()),
                "objection_form": objection_form,
                "objection_deadline": request_obj.objection_deadline(),
                "objection_filed": filed,
            },
        )
    )


def event_file(request, page, token, event_id):
    """A file the PPID sent with a step, for the holder of the request's link only."""
    request_obj = InformationRequest.find_by_token(token)
    if request_obj is None:
        raise Http404
    event = request_obj.events.filter(pk=event_id).exclude(file="").first()
    if event is None:
        raise Http404
    return private(_file_response(event.file))


def dip_document(request, entry, document_id):
    """A register document, only while its entry is live, public and not exempt."""
    if entry.is_exempt or not entry.live:
        raise Http404
    document = entry.dip_documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    return _file_response(document.file)


def _file_response(field_file):
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    name = field_file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)
