"""The one exception hierarchy of Jangbogi.

Everything the package raises on purpose derives from :class:`JangbogiError`;
the CLI turns these into a one-line message and an exit code, so no traceback
reaches a user. "No match" is never an exception: matchers return ``None`` or
scored results.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """What went wrong, for the user: each value is a message id in ``locales/<code>/errors*.ftl``.

    Shop and reorder errors carry one of these and the fields its message needs, never a
    sentence; ``Say.error(exc)`` turns it into the user's language.
    """

    UNKNOWN = "error-unknown"
    """Placeholder for an error raised without a code (never shown as is)."""

    GENERIC = "error-generic"
    """An error raised with a developer's text (configuration, audio, devices): ``$text``."""

    # --- catalog, cart, orders (locales/*/errors.ftl)
    QUANTITY_RANGE = "error-quantity-range"
    """A quantity outside 1..most for one line (most, said: the quantity heard)."""
    PRODUCT_NOT_SOLD = "error-product-not-sold"
    """The product asked for the cart is not on sale."""
    PRODUCT_NO_LONGER_SOLD = "error-product-no-longer-sold"
    """A product of an order-to-be is no longer on sale."""
    OUT_OF_STOCK = "error-out-of-stock"
    """Not enough stock (name, name_en, left: how many are left, unit)."""
    CART_LINE_LIMIT = "error-cart-line-limit"
    """A cart line would hold more than most items (most, unit)."""
    NOT_IN_CART = "error-not-in-cart"
    """The product is not in the member's cart."""
    ORDER_NOT_CANCELLABLE = "error-order-not-cancellable"
    """The order has shipped or was decided already (order_id, status: its status)."""
    # the operator's commands (jangbogi orders advance, receipt): English in every catalog
    NO_SUCH_ORDER = "error-no-such-order"
    """No order with this number at all (order_id)."""
    ORDER_CANNOT_ADVANCE = "error-order-cannot-advance"
    """Only placed or shipped orders move along (order_id, status)."""
    ORDER_ALREADY_AT = "error-order-already-at"
    """The order already has the status it should move to (order_id, target)."""
    ORDER_CANNOT_BECOME = "error-order-cannot-become"
    """The order is past the status it should move to (order_id, status, target)."""

    # --- the purchase rules (shop/rules.py; locales/*/errors-purchase.ftl)
    PIN_LOCKED = "error-pin-locked"
    """Spoken purchases are locked after too many wrong PINs (attempts, until_local)."""
    WRONG_PIN = "error-wrong-pin"
    """A wrong PIN (attempts_left, minutes: how long the lock would last)."""
    PIN_REQUIRED = "error-pin-required"
    """The household's PIN must be given before this purchase."""
    PIN_CHANGED = "error-pin-changed"
    """The PIN changed again and again while it was being checked."""
    PAYMENT_REQUIRED = "error-payment-required"
    """No registered default card: nothing can be ordered."""
    NO_ADDRESS = "error-no-address"
    """No address of the delivery kind (kind: home, locker or store)."""
    NOTHING_TO_ORDER = "error-nothing-to-order"
    """An order without lines (most: the largest quantity of a line)."""
    NOT_CONFIRMED = "error-not-confirmed"
    """A conversation's order without an explicit yes of this member."""
    CONFIRMATION_UNKNOWN = "error-confirmation-unknown"
    """A "yes" to a question this conversation did not ask, or already used."""
    CONFIRMATION_EXPIRED = "error-confirmation-expired"
    """A "yes" that came (or is used) after the question's timeout."""
    CONFIRMATION_CHANGED = "error-confirmation-changed"
    """What would be placed is not what was confirmed (lines or delivery)."""
    PRICE_CHANGED = "error-price-changed"
    """The total changed since the question (total: the new one)."""
    ORDER_LIMIT = "error-order-limit"
    """Over the member's per-order limit (name, limit, total)."""
    DAY_LIMIT = "error-day-limit"
    """Over the member's per-day limit (name, limit, remaining, total)."""
    MEMBER_GONE = "error-member-gone"
    """The member a conversation speaks for no longer exists."""
    ORDER_NOT_FOUND = "error-order-not-found"
    """No such order in this household (order_id)."""
    APPROVAL_ADULTS_ONLY = "error-approval-adults-only"
    """Only an adult decides on a child's order."""
    VOICE_APPROVAL_NEEDS_PIN = "error-voice-approval-needs-pin"
    """Approving by voice needs a household PIN."""
    NOT_AWAITING_APPROVAL = "error-not-awaiting-approval"
    """The order is not waiting for an approval (order_id)."""
    DELIVERY_ADULTS_ONLY = "error-delivery-adults-only"
    """Only an adult changes the default delivery."""

    # --- accounts, households, catalog files (locales/*/errors-account.ftl)
    TYPED_CARD_NUMBER = "error-typed-card-number"
    """A typed field holds what could be a card number (what: the field, see ``-what``)."""
    TYPED_HIDDEN_CHARACTER = "error-typed-hidden-character"
    """A typed field holds an invisible or control character (what, codepoint, char,
    position: 1-based)."""
    NO_HOUSEHOLD = "error-no-household"
    """No household exists yet."""
    HOUSEHOLD_NOT_FOUND = "error-household-not-found"
    """No household called ``name``."""
    HOUSEHOLD_NAMES = "error-household-names"
    """A household needs a name and an owner of 1 to ``most`` characters."""
    HOUSEHOLD_EXISTS = "error-household-exists"
    """A household called ``name`` already exists."""
    UNKNOWN_TIME_ZONE = "error-unknown-time-zone"
    """``zone`` is not a time zone (an IANA name like Asia/Seoul)."""
    MEMBER_NOT_FOUND = "error-member-not-found"
    """No member called ``name`` in ``household``."""
    NO_SUCH_MEMBER = "error-no-such-member"
    """No member called ``name`` in any household."""
    MEMBER_AMBIGUOUS = "error-member-ambiguous"
    """Several households have a member called ``name``."""
    NO_OWNER = "error-no-owner"
    """``household`` has no owner; ``option`` names someone else."""
    MEMBER_NAME = "error-member-name"
    """A member needs a name of 1 to ``most`` characters."""
    MEMBER_EXISTS = "error-member-exists"
    """``household`` already has a member called ``name``."""
    ONLY_OWNER = "error-only-owner"
    """``name`` is the only owner of ``household``."""
    MEMBER_HAS_HISTORY = "error-member-has-history"
    """``name`` has orders or subscriptions, which are kept, so the member is too."""
    LIMIT_RANGE = "error-limit-range"
    """A spending limit (which: per-order or per-day) outside 1..``most`` won."""
    SETTING_RANGE = "error-setting-range"
    """A household setting (name) outside ``low``..``high``."""
    CARD_TOKEN_FORMAT = "error-card-token-format"
    """A card token that is not 6-128 letters, digits or _ : . -"""
    CARD_LAST4_FORMAT = "error-card-last4-format"
    """The last four digits of a card are not four digits."""
    CARD_LABEL_LENGTH = "error-card-label-length"
    """A card label longer than ``most`` characters."""
    CARD_TOKEN_TAKEN = "error-card-token-taken"
    """This card token is already registered."""
    CARD_NOT_FOUND = "error-card-not-found"
    """No card ``payment_id`` in ``household``."""
    ADDRESS_FORMAT = "error-address-format"
    """An address needs a label (1 to ``most_label`` characters) and a detail (at most
    ``most_detail``)."""
    ADDRESS_NOT_FOUND = "error-address-not-found"
    """No address ``address_id`` in ``household``."""
    JOIN_ADULTS_ONLY = "error-join-adults-only"
    """Only an adult joins the membership."""
    PIN_FORMAT = "error-pin-format"
    """A PIN that is not exactly four digits."""
    PINS_DIFFER = "error-pins-differ"
    """The PIN typed twice differs; nothing changed."""
    PASSWORD_FORMAT = "error-password-format"
    """A web password shorter than ``least`` or longer than ``most`` characters, or with a
    control or invalid character (never the password itself)."""
    PASSWORDS_DIFFER = "error-passwords-differ"
    """The password typed twice differs; nothing changed."""
    PASSWORD_ON_COMMAND_LINE = "error-password-on-command-line"
    """A password given as an argument: it is only read from the terminal or stdin."""
    SIGN_IN_FAILED = "error-sign-in-failed"
    """A sign-in refused: no such member, no password set, or a wrong password (one code
    for all three, so that names cannot be probed)."""
    SIGN_IN_LOCKED = "error-sign-in-locked"
    """Too many wrong passwords for this member: signing in is refused until ``until_local``
    (HH:MM, the household's clock); ``minutes``: how long a lock lasts."""
    ADVANCE_WHICH = "error-advance-which"
    """``orders advance`` without order numbers or ``--all``."""
    CATALOG_CARD_NUMBER = "error-catalog-card-number"
    """A catalog cell could be a card number (path, line, field: as every catalog code)."""
    CATALOG_HIDDEN_CHARACTER = "error-catalog-hidden-character"
    """A catalog cell holds an invisible or control character (codepoint, char, position)."""
    CATALOG_EMPTY_FIELD = "error-catalog-empty-field"
    """A required catalog cell is empty."""
    CATALOG_TEXT_TOO_LONG = "error-catalog-text-too-long"
    """A catalog cell longer than ``most`` characters."""
    CATALOG_NOT_A_NUMBER = "error-catalog-not-a-number"
    """A catalog cell that should be a whole number (value)."""
    CATALOG_NUMBER_RANGE = "error-catalog-number-range"
    """A catalog number outside ``low``..``high`` (number)."""
    CATALOG_BAD_SKU = "error-catalog-bad-sku"
    """A SKU not like DAI-001 (value)."""
    CATALOG_BAD_UNIT = "error-catalog-bad-unit"
    """A unit that is not a counting word (value; units: the accepted ones)."""
    CATALOG_BAD_SIZE = "error-catalog-bad-size"
    """A size not like 1L, 30구 or 2kg (value)."""
    CATALOG_EMPTY_ALIAS = "error-catalog-empty-alias"
    """An empty alias between '|' separators."""
    CATALOG_MEMBER_PRICE = "error-catalog-member-price"
    """A member price (member_price) higher than the price (price)."""
    CATALOG_BAD_RATING = "error-catalog-bad-rating"
    """A rating that is not 0.0..5.0 (value)."""
    CATALOG_FILE_TOO_LARGE = "error-catalog-file-too-large"
    """A file larger than ``megabytes`` MB."""
    CATALOG_NO_FILE = "error-catalog-no-file"
    """No such file."""
    CATALOG_IS_DIRECTORY = "error-catalog-is-directory"
    """The path is a directory."""
    CATALOG_NOT_UTF8 = "error-catalog-not-utf8"
    """The file is not UTF-8 text (line: the first bad byte's)."""
    CATALOG_UNREADABLE = "error-catalog-unreadable"
    """The file cannot be read (reason: the system's words)."""
    CATALOG_LINE_TOO_LONG = "error-catalog-line-too-long"
    """A line of ``length`` characters; at most ``most`` (each field at most ``most_field``)."""
    CATALOG_EMPTY_FILE = "error-catalog-empty-file"
    """The file is empty."""
    CATALOG_NOT_CSV = "error-catalog-not-csv"
    """The line is not valid CSV (reason: the csv module's words)."""
    CATALOG_OPEN_QUOTE = "error-catalog-open-quote"
    """A quoted field runs over a line break."""
    CATALOG_MISSING_COLUMNS = "error-catalog-missing-columns"
    """The header lacks columns (missing; expected: the whole header)."""
    CATALOG_COLUMN_ORDER = "error-catalog-column-order"
    """The header's columns are out of order or extra (expected)."""
    CATALOG_FIELD_COUNT = "error-catalog-field-count"
    """A line with ``found`` fields instead of ``expected``."""
    CATALOG_DUPLICATE_SKU = "error-catalog-duplicate-sku"
    """A SKU (sku) already used on ``first_line``."""
    CATALOG_DUPLICATE_NAME = "error-catalog-duplicate-name"
    """The same name and size as ``first_line``."""
    CATALOG_NO_PRODUCTS = "error-catalog-no-products"
    """A header but no products."""

    # --- subscriptions and recurring orders (locales/*/errors-reorder.ftl)
    SCHEDULE_UNREADABLE = "error-schedule-unreadable"
    """A stored schedule that is not one (data: what was stored)."""
    SCHEDULE_FREQ = "error-schedule-freq"
    """Not daily, weekly or monthly (freq)."""
    SCHEDULE_INTERVAL = "error-schedule-interval"
    """An interval outside 1..limit (interval, limit)."""
    SCHEDULE_WEEKDAY = "error-schedule-weekday"
    """Unknown weekday names (days: the unknown ones, comma-separated)."""
    SCHEDULE_WEEKDAYS_NOT_WEEKLY = "error-schedule-weekdays-not-weekly"
    """Weekdays given to a schedule that is not weekly."""
    SCHEDULE_MONTH_DAY = "error-schedule-month-day"
    """A day of the month on a schedule that is not monthly, or outside 1..31 (day)."""
    SCHEDULE_TIME = "error-schedule-time"
    """No such time of day (hour, minute2: the minute in two digits)."""
    SCHEDULE_ZONE = "error-schedule-zone"
    """An unknown time zone (name)."""
    SCHEDULE_BEYOND_CALENDAR = "error-schedule-beyond-calendar"
    """The next run would fall after 9999-12-31 (the schedule's fields of
    ``recurrence.schedule_fields``, after: the local day, YYYY-MM-DD)."""
    SUBSCRIPTION_PRODUCT_GONE = "error-subscription-product-gone"
    """The product of a subscription request no longer exists."""
    SUBSCRIBE_NOT_ASKED = "error-subscribe-not-asked"
    """A "yes" to a subscription question that was not asked (or already answered)."""
    SUBSCRIBE_EXPIRED = "error-subscribe-expired"
    """A "yes" to a subscription question after its timeout."""
    SUBSCRIBE_PIN_REQUIRED = "error-subscribe-pin-required"
    """Starting a subscription needs the household's PIN."""
    SUBSCRIPTION_SKU_NOT_SOLD = "error-subscription-sku-not-sold"
    """The SKU asked for is no longer sold (sku)."""
    SUBSCRIPTION_NO_MATCH = "error-subscription-no-match"
    """No product matches the words (wanted)."""
    SUBSCRIPTION_AMBIGUOUS = "error-subscription-ambiguous"
    """Several products match the words (wanted, names: the first five, SKU and name)."""
    SUBSCRIPTION_NOT_FOUND = "error-subscription-not-found"
    """No such subscription in this household (id)."""
    SUBSCRIPTION_ADULTS_ONLY = "error-subscription-adults-only"
    """Only an adult starts a subscription."""
    SUBSCRIBE_ASK_ADULT = "error-subscribe-ask-adult"
    """A child asked for a subscription: only an adult starts one, ask an adult."""
    SCHEDULE_AT_OPTION = "error-schedule-at-option"
    """``--at`` is not a time of day HH:MM (text: what was given)."""
    SCHEDULE_ON_OPTION = "error-schedule-on-option"
    """``--on`` names unknown weekdays (days: the unknown ones, comma-separated)."""
    SUBSCRIPTION_NOT_SOLD = "error-subscription-not-sold"
    """The product is no longer sold (name)."""
    SUBSCRIPTION_DUPLICATE = "error-subscription-duplicate"
    """The same product on the same schedule already (name, id, paused)."""
    SUBSCRIPTION_STATE = "error-subscription-state"
    """Not possible in the subscription's state (id, state: active, paused or cancelled;
    action: pause, resume, cancel or skip)."""
    SUBSCRIPTION_PERIOD_TAKEN = "error-subscription-period-taken"
    """The subscription's current period was already settled (id)."""
    PERIOD_TAKEN = "error-period-taken"
    """A due period lies inside a recorded span of missed ones (id, first: UTC, minutes)."""

    # --- a newcomer's set-up, issue 17 fixes (locales/*/newcomer.ftl)
    DATABASE_MISSING = "error-database-missing"
    """No database file at ``--db`` (path: the file, url: the URL to create it with)."""
    POSTGRES_DRIVER_MISSING = "error-postgres-driver-missing"
    """A PostgreSQL URL without the psycopg driver installed (url: the URL, password hidden)."""


class JangbogiError(Exception):
    """Base of every error Jangbogi raises on purpose.

    Raise it with a code and fields (``OutOfStockError(ErrorCode.OUT_OF_STOCK, name=..., left=3)``);
    configuration and I/O errors for developers may still carry a plain English message.
    """

    exit_code = 1

    def __init__(self, code: ErrorCode | str = ErrorCode.UNKNOWN, /, **fields: Any) -> None:
        self.code: ErrorCode | None = code if isinstance(code, ErrorCode) else None
        """What went wrong (None: a developer's message in ``str(exc)``)."""
        self.fields: dict[str, Any] = fields
        """The values the code's message names."""
        if isinstance(code, ErrorCode):
            shown = ", ".join(f"{k}={v!r}" for k, v in fields.items())
            super().__init__(f"{code.value}({shown})" if shown else code.value)
        else:
            super().__init__(code)


class ConfigError(JangbogiError):
    """Broken configuration: a bad database URL, a missing bundled file."""


class DatabaseError(JangbogiError):
    """The database cannot be used right now."""

    exit_code = 3


class DatabaseMissingError(DatabaseError):
    """The database file does not exist or has no schema yet."""


class DatabaseLockedError(DatabaseError):
    """Another program holds a lock on the database."""


class DatabaseOutdatedError(DatabaseError):
    """The database schema is older or newer than this program."""


class DatabaseNewerError(DatabaseOutdatedError):
    """The database was written by a newer Jangbogi: a schema this program does not know."""


class CatalogFormatError(JangbogiError):
    """A catalog file is malformed: ``problem`` (an ``ErrorCode``, with ``details``: the
    problem's own fields) at ``line`` (0: the file as a whole) and ``field`` of ``path``.

    Its message names the path, the line and the field (``locales/*/errors-account.ftl``).
    """

    exit_code = 2

    def __init__(
        self, path: str, line: int, field: str, problem: ErrorCode, /, **details: Any
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        """What is wrong (also ``code``)."""
        super().__init__(problem, path=path, line=line, field=field, **details)


class NotFoundError(JangbogiError):
    """A named household, member, order or product does not exist."""

    exit_code = 4


class ShopError(JangbogiError):
    """A shop rule refused an operation; the message is safe to show."""

    exit_code = 5


class InvalidQuantityError(ShopError):
    """A quantity outside the range one order line may hold."""


class OutOfStockError(ShopError):
    """Not enough stock to place the order."""


class OrderStateError(ShopError):
    """The order cannot change to the requested state (e.g. already cancelled)."""


class AudioError(JangbogiError):
    """Audio that cannot be used: not a WAV file, empty, truncated, unreadable."""

    exit_code = 6


class SpeechModelError(JangbogiError):
    """The speech recognition model is missing or broken; names what to install."""

    exit_code = 7


class SpeechOutputError(JangbogiError):
    """Spoken replies cannot be produced (no TTS engine or voice)."""

    exit_code = 8


class AccountError(ShopError):
    """Account data that cannot be used: a bad card token, PIN, limit or address."""

    exit_code = 2


class NotAllowedError(ShopError):
    """This member may not do that (a child approving an order, joining, ...)."""


class PaymentRequiredError(ShopError):
    """No registered payment method: nothing can be ordered until one is added."""


class DeliveryError(ShopError):
    """No address, locker or store registered for the chosen delivery."""


class ConfirmationError(ShopError):
    """A purchase without a valid confirmation of this conversation (none, expired, used)."""


class SpendingLimitError(ShopError):
    """An order over the member's per-order or per-day limit."""

    def __init__(
        self,
        code: ErrorCode | str = ErrorCode.UNKNOWN,
        /,
        *,
        per_day: bool,
        limit: int,
        remaining: int,
        **fields: Any,
    ) -> None:
        self.per_day = per_day
        self.limit = limit
        self.remaining = remaining
        super().__init__(code, limit=limit, remaining=remaining, **fields)


class PinError(ShopError):
    """The voice PIN is needed, wrong, or locked."""


class PinRequiredError(PinError):
    """The household asks for its PIN before a spoken purchase."""


class WrongPinError(PinError):
    """A wrong PIN; ``attempts_left`` more before spoken purchases lock."""

    def __init__(
        self, code: ErrorCode | str = ErrorCode.UNKNOWN, /, *, attempts_left: int, **fields: Any
    ) -> None:
        self.attempts_left = attempts_left
        super().__init__(code, attempts_left=attempts_left, **fields)


class LockedUntil(ShopError):
    """A refusal that lasts until ``until`` (aware UTC): the base of the PIN's and the web
    sign-in's locks, which say the same thing with their own codes."""

    def __init__(
        self,
        code: ErrorCode | str = ErrorCode.UNKNOWN,
        /,
        *,
        until: datetime,
        until_local: str = "",
        **fields: Any,
    ) -> None:
        self.until = until
        self.until_local = until_local
        """The end of the lock as the household's clock shows it (HH:MM)."""
        super().__init__(code, until_local=until_local, **fields)


class PinLockedError(LockedUntil, PinError):
    """Too many wrong PINs: spoken purchases are refused until ``until`` (aware UTC)."""


class SignInError(ShopError):
    """A member could not sign in to the household's web page (:mod:`assistant.shop.signin`):
    ``SIGN_IN_FAILED`` whatever the reason, or a lock (:class:`SignInLockedError`)."""


class SignInLockedError(LockedUntil, SignInError):
    """Too many wrong passwords for the member: every password, the right one too, is
    refused uncounted until ``until`` (aware UTC)."""


class ScheduleError(JangbogiError):
    """A recurring schedule that cannot be kept: a bad weekday, day of month, time or zone."""

    exit_code = 2


class SubscriptionError(ShopError):
    """A subscription request the shop refuses (unknown, already cancelled, not yours)."""


class PeriodTakenError(JangbogiError):
    """A due period of a subscription already lies inside a recorded span of missed periods
    (its ``next_run_at`` was put back): nothing is placed or recorded for it again."""


class WireError(JangbogiError):
    """A Wyoming event that could not be read (malformed or too large): its connection is closed,
    never the server."""
