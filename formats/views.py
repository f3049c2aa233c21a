"""The stored braille and audio files, served by their token."""

from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from formats import services


def _content_disposition(name: str, extension: str, *, attachment: bool) -> str:
    """An ASCII filename, plus RFC 5987 filename* for a non-ASCII name."""
    disposition = "attachment" if attachment else "inline"
    filename = f"{name}.{extension}"
    if filename.isascii():
        return f'{disposition}; filename="{filename}"'
    fallback = "".join(ch if ch.isascii() and ch.isalnum() or ch in "-_" else "-" for ch in name)
    fallback = fallback.strip("-") or "document"
    return f"{disposition}; filename=\"{fallback}.{extension}\"; filename*=UTF-8''{quote(filename)}"


@require_safe
def alternative_format(request: HttpRequest, token, extension: str):
    """A ready file of the current version; 404 for a stale or unknown token."""
    found = services.fresh_format(token)
    if found is None:
        raise Http404("No such braille or audio file.")
    row, source, obj = found
    spec = services.KINDS[row.kind]
    if extension != spec.extension:
        raise Http404("No such braille or audio file.")
    etag = f'"{row.source_hash}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is None:
        response = FileResponse(
            row.file.storage.open(row.file.name, "rb"), content_type=spec.content_type
        )
        # BRF goes to embosser software, never a browser tab; the text and the
        # audio open in the browser's own reader and player.
        response["Content-Disposition"] = _content_disposition(
            f"{source.filename(obj)}-braille"
            if row.kind == "braille-text"
            else source.filename(obj),
            spec.extension,
            attachment=row.kind == "brf",
        )
        response["Content-Language"] = row.language
    else:
        response = not_modified
    response["ETag"] = etag
    # Readers' browsers keep the file and ask again each time (a 304 by the
    # ETag): the moment the text changes the token answers 404, and a stale
    # programme (say, of an event cancelled since) is never read from a cache.
    patch_cache_control(response, no_cache=True)
    if source.personal:
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex"
    return response
