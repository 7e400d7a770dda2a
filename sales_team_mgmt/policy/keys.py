"""Identity keys of a customer: what makes two registrations "the same company".

A key is a ``(key_type, key_value)`` pair. Two registrations collide when they
share one key. What folds together:

* ``name``: NFKC (full-width letters, digits and spaces become half-width),
  CJK radicals folded to the ideographs they look like (Unicode's
  EquivalentUnifiedIdeograph.txt, see ``cjk_radicals.py``: ``⻜`` is ``飞``),
  case-folded, Traditional Chinese folded to Simplified (OpenCC ``t2s``),
  legal-form words removed (有限公司, 有限责任公司, 股份有限公司, 集团, 公司,
  co., ltd, limited, inc, corp, llc, gmbh, s.a., …) and then every character
  that is not a letter or a digit removed. ``深圳市腾飞科技有限公司`` and
  ``深圳市騰飛科技有限公司　`` give the same key ``深圳市腾飞科技``. A
  translation is *not* folded: ``Shenzhen Tengfei Technology Co., Ltd.`` is the
  key ``shenzhentengfeitechnology`` and only meets the Chinese name through a
  shared phone, e-mail, company e-mail domain or VAT number. A name left with
  fewer than 2 characters (``有限公司``, ``Ltd.``, ``!!!``) gives no key.
* ``phone``: the E.164 digits (``phonenumbers``, the library Odoo's
  ``phone_validation`` uses), a national number read in the customer's
  country: ``0571-41044908`` in China and ``+86 571 4104 4908`` are the key
  ``8657141044908``. A number ``phonenumbers`` cannot place keeps its digits;
  fewer than 7 or more than 20 digits gives no key.
* ``email``: trimmed and lower-cased; needs one ``@`` with text both sides.
  A field holding several addresses (``a@x.cn, b@y.cn``) gives a key each.
* ``domain``: the e-mail's domain, unless it is a public mail provider
  (gmail.com, qq.com, 163.com, …): colleagues share a company domain, strangers
  share gmail.com.
* ``vat``: upper-cased letters and digits; fewer than 5 gives no key.
"""

import re
import unicodedata
from functools import lru_cache

from .cjk_radicals import EQUIVALENT_IDEOGRAPH

KEY_TYPES = ("name", "phone", "email", "domain", "vat")

# Longest first: 股份有限公司 must go before 有限公司 and 公司 eat into it.
CHINESE_LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "总公司",
    "集团",
    "公司",
)
SHORT_LEGAL_FORM = "股份"
ENGLISH_LEGAL_FORMS = (
    r"s\.?\s?a\.?\s?r\.?\s?l",
    r"s\.?\s?r\.?\s?l",
    r"s\.?\s?p\.?\s?a",
    r"s\.?\s?a",
    r"b\.?\s?v",
    r"n\.?\s?v",
    r"co",
    r"company",
    r"corp",
    r"corporation",
    r"inc",
    r"incorporated",
    r"ltd",
    r"limited",
    r"llc",
    r"llp",
    r"plc",
    r"gmbh",
    r"ag",
    r"kg",
    r"pte",
    r"pty",
    r"group",
    r"holdings?",
)
_ENGLISH_LEGAL_RE = re.compile(
    r"(?<![0-9a-z])(?:" + "|".join(ENGLISH_LEGAL_FORMS) + r")\.?(?![0-9a-z])"
)
_NOT_ALNUM_RE = re.compile(r"[\W_]+", re.UNICODE)
_EMAIL_RE = re.compile(r"[^\s<>,;:()\"'\[\]]+@[^\s<>,;:()\"'\[\]]+")

PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "qq.com",
        "vip.qq.com",
        "foxmail.com",
        "163.com",
        "126.com",
        "yeah.net",
        "vip.163.com",
        "sina.com",
        "sina.cn",
        "sohu.com",
        "aliyun.com",
        "139.com",
        "189.cn",
        "wo.cn",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.com.cn",
        "yahoo.com.tw",
        "icloud.com",
        "me.com",
        "mac.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "gmx.de",
        "web.de",
        "mail.com",
        "aol.com",
        "yandex.com",
        "hinet.net",
        "example.com",
    }
)

MIN_NAME_KEY_LENGTH = 2
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 20
MIN_VAT_LENGTH = 5
# Longest text accepted in an identity field; longer input is refused by the
# models with a clear message (nobody's company name is a page long).
MAX_IDENTITY_LENGTH = 256


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # noqa: PLC0415 (loaded once, on first use)

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _phonenumbers():
    import phonenumbers  # noqa: PLC0415 (loaded once, on first use)

    return phonenumbers


def fold_radicals(text):
    """CJK radicals and strokes → the unified ideographs they look like."""
    return text.translate(EQUIVALENT_IDEOGRAPH) if text else text


def to_simplified(text):
    """Traditional Chinese → Simplified (OpenCC t2s); other text unchanged."""
    return _t2s().convert(text) if text else text


def normalize_company_name(name):
    """The ``name`` key of a company name, or ``None`` when nothing is left."""
    if not name or not name.strip():
        return None
    text = fold_radicals(unicodedata.normalize("NFKC", name)).casefold()
    text = to_simplified(text)
    for word in CHINESE_LEGAL_FORMS:
        text = text.replace(word, " ")
    # "某某股份" is how people shorten 某某股份有限公司 (股份 alone at the end).
    text = text.rstrip()
    if text.endswith(SHORT_LEGAL_FORM):
        text = text[: -len(SHORT_LEGAL_FORM)]
    text = _ENGLISH_LEGAL_RE.sub(" ", text)
    text = _NOT_ALNUM_RE.sub("", text)
    return text if len(text) >= MIN_NAME_KEY_LENGTH else None


def normalize_phone(phone, region=None):
    """The ``phone`` key: the E.164 digits of a number, a national number
    being read in ``region`` (ISO country code, e.g. ``"CN"``)."""
    if not phone:
        return None
    text = unicodedata.normalize("NFKC", phone)
    digits = "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return None
    return _e164_digits(text, region) or digits


def _e164_digits(text, region):
    """``text`` as E.164 digits, or None when it is no possible number."""
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(text, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164.lstrip("+")


def normalize_email(email):
    """The ``email`` key: trimmed, lower-case address, or ``None``."""
    if not email:
        return None
    text = unicodedata.normalize("NFKC", email).strip().casefold()
    # "Name <addr@x.com>" → addr@x.com
    match = re.search(r"<([^<>]+)>", text)
    if match:
        text = match.group(1).strip()
    local, sep, domain = text.rpartition("@")
    if not sep or not local or not domain or "." not in domain or " " in text:
        return None
    return f"{local}@{domain}"


def split_emails(text):
    """Every address written in an e-mail field (``"a@x.cn; Bo <b@y.cn>"``)."""
    if not text:
        return []
    return _EMAIL_RE.findall(unicodedata.normalize("NFKC", text))


def email_domain(email):
    """The ``domain`` key: the e-mail's domain unless it is a public provider."""
    normalized = normalize_email(email)
    if not normalized:
        return None
    domain = normalized.rpartition("@")[2].strip(".")
    if domain in PUBLIC_MAIL_DOMAINS:
        return None
    return domain


def normalize_vat(vat):
    """The ``vat`` key: upper-case letters and digits."""
    if not vat:
        return None
    text = _NOT_ALNUM_RE.sub("", unicodedata.normalize("NFKC", vat)).upper()
    return text if len(text) >= MIN_VAT_LENGTH else None


def identity_keys(*, names=(), phones=(), emails=(), vats=(), region=None):
    """All keys of one customer registration, as a set of (type, value).
    ``region``: the customer's country (ISO code) for national phone numbers."""
    keys = set()
    for name in names:
        value = normalize_company_name(name)
        if value:
            keys.add(("name", value))
    for phone in phones:
        value = normalize_phone(phone, region)
        if value:
            keys.add(("phone", value))
    for email in (address for field in emails for address in split_emails(field)):
        value = normalize_email(email)
        if value:
            keys.add(("email", value))
        domain = email_domain(email)
        if domain:
            keys.add(("domain", domain))
    for vat in vats:
        value = normalize_vat(vat)
        if value:
            keys.add(("vat", value))
    return keys


def oversized(values, limit=MAX_IDENTITY_LENGTH):
    """Names of the fields in ``values`` whose text is longer than ``limit``."""
    return sorted(
        name
        for name, value in values.items()
        if isinstance(value, str) and len(value) > limit
    )


def group_by_shared_keys(key_sets):
    """Group registrations that share a key, transitively.

    ``key_sets`` is a list of sets of keys; returns a list of groups, each a
    sorted list of indexes into ``key_sets``. Registrations without keys stay
    alone. Used when one import creates several leads for one customer: they
    must end up in one claim, not fight each other.
    """
    parent = list(range(len(key_sets)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner_of_key = {}
    for index, keys in enumerate(key_sets):
        for key in keys:
            if key in owner_of_key:
                parent[find(index)] = find(owner_of_key[key])
            else:
                owner_of_key[key] = index
    groups = {}
    for index in range(len(key_sets)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values())
