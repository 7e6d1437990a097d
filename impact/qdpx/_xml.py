"""Safe XML parsing (defusedxml) and namespace-tolerant element helpers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import defusedxml
import defusedxml.ElementTree as DET

from .._archive import XML_PARSE_ERRORS
from ..errors import InputError

__all__ = ["parse_xml", "local", "children", "child", "child_text"]


def parse_xml(data: bytes, *, source: str) -> ET.Element:
    """Parse XML bytes with :mod:`defusedxml`; return the root element.

    Document type declarations are refused outright (REFI-QDA files never need
    one), so entity expansion ("billion laughs") and external entities cannot
    reach the parser.

    Raises
    ------
    InputError
        For unsafe or malformed XML, naming ``source``.
    """
    try:
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise InputError(
            f"{source}: refused - the XML has a document type declaration (<!DOCTYPE>), which REFI-QDA "
            "files never use and which can hide entity-expansion or external-entity attacks"
        ) from None
    except defusedxml.EntitiesForbidden as exc:
        raise InputError(f"{source}: refused - the XML declares entities ({exc.name!r}); entity expansion is not allowed") from None
    except defusedxml.DefusedXmlException as exc:
        raise InputError(f"{source}: refused unsafe XML ({exc})") from None
    except XML_PARSE_ERRORS as exc:
        line, col = exc.position
        raise InputError(f"{source}: not well-formed XML at line {line}, column {col + 1} ({exc.msg if hasattr(exc, 'msg') else exc})") from None


def local(tag: object) -> str:
    """The element name without its namespace (``{urn:...}Code`` -> ``Code``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(elem: ET.Element, *names: str) -> Iterator[ET.Element]:
    """Direct children whose local name is one of ``names`` (any namespace)."""
    for c in elem:
        if local(c.tag) in names:
            yield c


def child(elem: ET.Element, name: str) -> ET.Element | None:
    """The first direct child called ``name`` (any namespace), or None."""
    return next(children(elem, name), None)


def child_text(elem: ET.Element, name: str) -> str | None:
    """The text of the first child ``name``; ``None`` if absent, ``""`` if empty."""
    c = child(elem, name)
    if c is None:
        return None
    return c.text or ""
