"""English front end: spaCy's tokenizer and lookup lemmas, then the key and slots.

What households say, and how it reaches the key (issue 14):

- several items, "milk, eggs and tofu", "two milks and a dozen eggs": the key holds the first
  item only (``order {quantity} {product}``), :attr:`Slots.items` every one;
- sizes, "1 liter of milk", "a 12 pack of hetbahn", "10kg rice", "30 eggs": :attr:`Item.size`
  (:func:`assistant.nlu.sizes.normal_size`), never a count; a size without a product is
  ``{size}`` ("the 1 liter one instead");
- a request without its verb, "milk please", "two milks", "can I get eggs": ``*please``
  before the item; a need, "we're out of milk", "I need eggs", "running low on rice":
  ``*need`` before the items;
- a correction, "actually two", "no, the maeil one", "just one": ``*fix`` before the item;
- a pointer back, "cancel that", "my last order", "the order I just placed": ``{ref}``;
  "another one", "one more": ``*another``;
- a question about one's own past orders, "what did I order?": ``*did`` before ``what``.

The ``*`` words are made here, never said; the templates of ``grammars/en/intents.yaml`` use
them. A plan ("I'll pick up milk on the way home") is reported speech: never a purchase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from assistant.nlu.analysis import Analysis, Piece, clean, normal_form
from assistant.nlu.digits import DIGITS, NOT_A_COUNT
from assistant.nlu.grammar import Grammar, lookup
from assistant.nlu.lang.en.doubt import hesitant_en, question_en, words_en
from assistant.nlu.lang.en.numbers import ENGLISH_NUMBER_WORDS, parse_english, parse_number
from assistant.nlu.lang.en.schedule import ENGLISH_SCHEDULE
from assistant.nlu.schedule import find_schedule
from assistant.nlu.schema import Item, Slots
from assistant.nlu.sizes import normal_size

SPECIAL_QUANTITIES = (
    (("half", "a", "dozen"), 6),
    (("a", "couple", "of"), 2),
    (("a", "couple"), 2),
    (("a", "dozen"), 12),
    (("one", "dozen"), 12),
    (("a", "few"), 3),
)
"""Said amounts that are counts: "a dozen eggs" is 12 eggs (a count, not the size 12구)."""
SCHEDULE_TRIGGERS = frozenset(
    "every each daily weekly monthly biweekly fortnightly nightly quarterly once twice".split()
)
PAST_FORMS = frozenset(
    "ordered bought purchased got added placed subscribed reordered did picked grabbed".split()
)
PRESENT_VERBS = frozenset("order buy get purchase reorder add place put cancel".split())
DAYS = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun)days?$|^weekdays?$|^weekends?$")
TIMES = frozenset({"x", "×"})
"""milk x3, 3x milk, 3 x milk: "times" next to a count."""
MEASURES = frozenset({"kg", "L"})
"""Counter units that measure: "2 kg of rice" names a pack size, not a count."""

SIZE_UNITS = frozenset(
    "l liter liters litre litres ml milliliter milliliters millilitre cc kg kilo kilos kilogram "
    "kilograms g gram grams".split()
)
"""Weight and volume words: a number before one is a size ("1 liter", "10 kilo", "500 g")."""
PIECE_SIZES = {"roll": ("롤", 6), "rolls": ("롤", 6), "sheet": ("매", 10), "sheets": ("매", 10)}
"""Pieces inside one pack and the smallest count read as a size ("30 rolls of toilet paper" is
the 30-roll pack; "2 rolls" stay two)."""
PACK_WORDS = frozenset({"pack", "pk", "count", "ct", "piece", "stick", "sticks"})
"""A number before one of these (singular) is a pack size: "a 12 pack of hetbahn", "12-pack"."""
MEASURED = ("L", "ml", "kg", "g")
"""Sizes of a volume or a weight (a pack size said with one is less telling)."""
EGG_WORDS = frozenset({"egg", "eggs"})
"""Eggs come in trays (10구, 30구): "30 eggs" and "a 30 pack of eggs" name the tray."""
ONE_AFTER = frozenset(
    "the this that other same last big small bigger smaller cheaper cheap first second "
    "organic usual right".split()
)
"""Words after which "one" is a pronoun ("the maeil one", "the other one"), not a count."""
ONE_BEFORE = frozenset({"instead", "please", "for", "to", "from", "and", ",", "then", "too"})
UNIT_SPLIT = re.compile(
    r"\b(\d+(?:\.\d+)?)(l|ml|kg|g|liters?|litres?|kilos?|grams?|lbs?|oz|rolls?|pk|ct)\b"
)
"""1l, 10kg, 500g, 30rolls: a number glued to its unit is split off it."""
JOINED = ("deco and soft", "mac and cheese", "salt and pepper", "fish and chips")
"""Product words with "and" inside, kept whole (besides the catalog words given)."""

PLACEHOLDERS = {
    "zzneed": "*need",
    "zzplease": "*please",
    "zzfix": "*fix",
    "zzref": "{ref}",
    "zzanother": "*another",
    "zzdid": "*did",
}
"""Words this front end writes into the text for a phrase it recognised -> key symbol."""
_LEAD = (
    r"^(?:(?:oh|so|hey|ugh|well|ok|okay|jangbogi|and|also|hmm|um|go\s+ahead\s+and|i\s+think"
    r"|i\s+guess|looks\s+like|seems\s+like)\s*,?\s+)*"
)
NEED = re.compile(
    _LEAD + r"(?:"
    r"(?:(?:i|we)\s+(?:really\s+|also\s+|still\s+|definitely\s+)?)?need\s+(?:some\s+|more\s+)?"
    r"(?!to\b|a\s+(?:ride|hand|break|minute|moment|second)\b)"
    r"|(?:(?:i|we)\s*(?:'re|'m|are|am|'ve|have)?\s+)?(?:(?:all|completely|almost|nearly|"
    r"totally|just|already|pretty)\s+)?(?:(?:run|ran|running|getting)\s+)?(?:out|low)\s+(?:of|on)\s+"
    r"|(?:i|we)\s+(?:could|can)\s+use\s+(?:some\s+|more\s+)?"
    r"|(?:i|we)\s*(?:'ve|\s+have)?\s+used\s+up\s+(?:all\s+)?(?:of\s+)?"
    r"|(?:(?:i|we)\s+)?(?:gotta|got\s+to|have\s+to|need\s+to|should|must)\s+(?:get|grab|buy|"
    r"pick\s+up|restock)\s+(?:some\s+|more\s+)?"
    r"|(?:(?:it's|it\s+is)\s+)?time\s+to\s+(?:restock|get\s+more|buy\s+more|reorder)\s+"
    r"|(?:(?:i|we)\s*(?:'re|'m|are|am)\s+)?(?:a\s+(?:bit|little)\s+|pretty\s+|really\s+)?"
    r"short\s+(?:on|of)\s+"
    r")"
)
"""A need said as such, at the start: "we're out of", "I need", "running low on"."""
POLITE = re.compile(
    _LEAD + r"(?:(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have)\s+"
    r"|(?:i|we)\s*(?:'d|\s+would)\s+like\s+(?!to\b)"
    r"|(?:i|we)\s*(?:'ll|\s+will)\s+(?:have|take)\s+"
    r"|(?:please\s+)?(?:give\s+me|gimme|let\s+me\s+(?:get|have))\s+"
    r"|(?:i|we)\s+(?:want|wanna)\s+(?!to\b)"
    r"|(?:please\s+)?(?:get|grab|fetch|bring)\s+(?:me|us)\s+"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:get|grab|pick\s+up|bring)\s+(?:me\s+|us\s+)?"
    r"|(?:please\s+)?(?:pick\s+up|grab)\s+(?!it\b|them\b|the\s+kids\b)"
    r"|let(?:'s|\s+us)\s+(?:get|grab|pick\s+up|buy)\s+(?!it\b|them\b|going\b|started\b|out\b)"
    r"|(?:please\s+)?get\s+(?!it\b|them\b|that\b|this\b|rid\b|ready\b|going\b|back\b|out\b"
    r"|up\b|to\b|in\b|off\b|on\b|over\b|away\b|started\b|lost\b|home\b|some\s+(?:rest|sleep)\b)"
    r")"
)
"""A request without the shop's verb: "can I get", "I'd like", "I'll have", "I want"; "get"
at the start ("get Shin Ramyun, a box of Hetbahn and …": groceries only, the gate checks)."""
IN_THE_HOUSE = re.compile(
    r"\b(?:from|out\s+of|off|on|in)\s+(?:the|my|our)\s+(?:fridge|freezer|cupboard|cabinet|pantry"
    r"|table|counter|shelf|kitchen|drawer|car|bag|sink|stove|oven|microwave)\b"
)
"""Where something is fetched from in the house: "can you grab the ketchup from the fridge",
"get me the milk out of the fridge" ask a person in the room, not the shop."""
LEFT = re.compile(
    _LEAD + r"(?:(?:i|we)\s*(?:'ve|have|'ve\s+got|got)\s+no|(?:i|we)\s+(?:do\s*n't|do\s+not|"
    r"dont)\s+have\s+any|there\s*(?:'s|is|are|'re)\s+no)\s+(?:more\s+)?([^,]+?)(?:\s+left\b"
    r"|\s+(?:in|at)\s+(?:the\s+)?(?:fridge|freezer|house|pantry|cupboard|home)\b|\s*(?:,|$))"
    r"|" + _LEAD + r"(?:[a-z]+\s+){0,2}?(?:drank|ate|finished|used)\s+(?:up\s+|off\s+)?"
    r"(?:all\s+(?:of\s+)?|the\s+last\s+of\s+)?(?:the|our|my)\s+([^,]+?)"
    r"(?:\s+(?:already|again|today|yesterday))?\s*(?:,|$)"
)
"""A need said as what is left: "we have no eggs left", "there's no more ketchup in the
fridge", "we don't have any Hetbahn left", "the kids drank all the orange juice", "we finished
the milk" (a question, "do we have any eggs left?", is not one)."""
PACKED = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(\d+)\s*-?\s*"
    r"(eggs?|rolls?|sheets?)\s+(cartons?|trays?|packs?|box(?:es)?|bags?|cases?|packages?|crates?)\b"
)
"""A pack named by what is inside: "a 15-egg carton" is a carton of 15 eggs, "the 30 roll pack"
the 30-roll one."""
COURTESY = re.compile(
    r"^(?:(?:would|do)\s+you\s+mind|i\s+(?:was\s+)?wonder(?:ing)?\s+if\s+you\s+(?:could|can)"
    r"|is\s+it\s+possible\s+to|if\s+you\s+(?:could|can))\s+"
)
"""Courtesy before the request: "would you mind ordering tofu", "I was wondering if you
could order milk" are "ordering tofu", "order milk"."""
GONE = re.compile(
    _LEAD + r"(?:the|our|my|all\s+the|all\s+our)?\s*(.+?)\s*(?:'s|\s+is|\s+are|\s+'re)\s+"
    r"(?:all\s+|completely\s+|totally\s+)?(?:gone|finished|used\s+up)\s*[.!]?$"
)
"""A need said as what is gone: "the eggs are gone", "milk's all gone"."""
FIX = re.compile(
    _LEAD
    + r"(?:(?:actually|no(?!\s+(?:more|longer|need|needs)\b)|nope|oops|sorry|rather|instead|wait"
    r"|i\s+meant|i\s+mean|i\s+said|just|only)(?:\s*,)?\s+)+"
    r"(?:(?<=actually\s)(?:i|we)\s+(?:want(?:ed)?|need(?:ed)?|meant)\s+)?"
    r"(?:make\s+(?:it|that)\s+)?"
)
"""A correction's first words: "actually two", "no, the maeil one", "just one"."""
ASIDE = re.compile(_LEAD + r"(?:actually|oops|sorry|wait|rather)\b")
"""A correction's first word that may also begin a new request ("actually cancel my order";
but "no thanks" is a no)."""
AFTERTHOUGHT = re.compile(r"^(.+?)\s*,?\s+(actually|rather)\s*[.!]?$")
"""A correction's word said last ("four, actually", "the maeil one, actually")."""
NOT_THAT = re.compile(
    r"^(.+?)\s*,\s*(?:and\s+)?not\s+(?!now\b|yet\b|today\b|really\b|sure\b)[^,]+?\s*[.!]?$"
)
"""The product wanted, then the one not wanted: "actually I want Turtle Chips, not Pocachip"."""
NOT_FIRST = re.compile(
    r"^(?:no\s*,?\s+)?not\s+(?!now\b|yet\b|today\b|really\b|sure\b|that\b|at\s+all\b)"
    r"[^,]+?\s*,\s*(?:but\s+)?(?!thanks?\b|please\b)(.+)$"
)
"""The one not wanted, then the one wanted: "not Pocachip, Turtle Chips"."""
INSTEAD_OF = re.compile(r"^(.+?)\s+(?:instead\s+of|rather\s+than)\s+[^,]+?\s*[.!]?$")
"""The one wanted, then the one it replaces: "Turtle Chips instead of Pocachip"."""
RATHER = re.compile(
    r"^(?:(?:how|what)\s+about|(?:i|we)(?:'d|\s+would)\s+(?:rather|prefer)(?:\s+(?:have|get|take))?)"
    r"\s+(?=\S)"
)
"""A product offered in place of the one asked about: "what about Turtle Chips", "I'd rather
have Turtle Chips"."""
JUST = re.compile(r"^(?:just|only)\s+(?:\S+\s+)?(?!one\b|two\b|please\b)[a-z]{3,}")
""" "just one coffee mix" is a request, "just one" (a count alone) a correction."""
JUST_COUNTED = re.compile(
    r"^(?:just|only)\s+\S+\s+(?:bags?|packs?|box(?:es)?|bottles?|cans?|cartons?|trays?"
    r"|bunch(?:es)?|loaf|loaves|pieces?|packets?|jars?|tubs?|tubes?|bars?|blocks?|heads?"
    r"|sacks?|cases?|rolls?)(?:\s+(?:please|then|instead))?$"
)
""" "just one bag", "only two packs": a count with its counting word alone, a correction."""
PLAN = re.compile(
    r"\b(?:i|we)\s*(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to"
    r"|\s+are\s+going\s+to|'m\s+gonna|\s+am\s+gonna|'re\s+gonna|\s+are\s+gonna|\s+gonna)\s+"
    r"(?:\w+\s+)?(?:buy|get|pick|grab|stop|shop|go|run|swing|head)\b"
    r"|\b(?:on\s+(?:the|my|our)\s+way|later\s+today|tonight|tomorrow)\b.*\b(?:buy|get|pick)\b"
    r"|\b(?:buy|get|pick\s+up|grab)\b.*\bon\s+(?:the|my|our)\s+way\b"
)
"""A plan of one's own ("I'll pick up milk on the way home", "I'm going to buy eggs later"):
reported speech, never a purchase."""
REFS = (
    (re.compile(r"\b(?:the|my|our|that)\s+(?:very\s+)?(?:last|latest|previous|most\s+recent|"
                r"recent)\s+(?:one|order|purchase|delivery)\b"), " zzref "),
    (re.compile(r"\b(?:the\s+)?(?:one|order|thing|stuff)\s+(?:that\s+)?(?:i|we)\s+just\s+"
                r"(?:ordered|bought|placed|made|got)\b"), " zzref "),
    (re.compile(r"\bwhat\s+(?:i|we)\s+just\s+(?:ordered|bought|got)\b"), " zzref "),
    (re.compile(r"\b(cancel|undo|scrap|scratch|revoke|reorder|repeat|track)\s+(?:that|it|this)"
                r"(?:\s+order)?\b"), r"\1 zzref "),
    (re.compile(r"\b(order|buy|get)\s+(?:that|it|this)\s+again\b"), r"\1 zzref again "),
    (re.compile(r"^(?:please\s+)?(?:do|repeat|redo)\s+(?:that|it|this)\s+(?:order\s+)?again\b"),
     "same again "),
    (re.compile(r"\banother\s+one\b|\bone\s+more(?=\s*(?:please)?\s*[.!]?\s*$)|\b(?:one\s+more"
                r"|another)\s+(?:[a-z]+\s+)?of\s+(?:that|those|these|it|the\s+same|zzref)\b"),
     " zzanother "),
    (re.compile(r"\b(receipts?|bill)\s+(?:for|of|from)\s+(?:that|it|this)\b"), r"\1 for zzref "),
    (re.compile(r"\b(?:one\s+more|once\s+more|another)\s+time\b"), " again "),
)  # fmt: skip
"""Pointers back at the last order: "cancel that", "my last order", "another one"."""
DID = re.compile(
    r"^(?:(?:so|and|hey|ok|okay|um|jangbogi)\s*,?\s+)*(?:can\s+you\s+)?(?:(?:tell|show|remind)"
    r"\s+(?:me|us)\s+)?(what|when|which|how\s+many|how\s+much)\b"
    r"(?=.*\b(?:did|ordered|bought|purchased|got|have\s+(?:i|we)\s+(?:been\s+)?(?:ordered|bought"
    r"|ordering|buying|getting|gotten)))"
)
"""A question about one's own past orders: "what did I order?", "when did I last buy milk"."""
BE_WORDS = frozenset(
    "is are was were be been 's got gets seems seem so too very really getting".split()
)
"""Words that make an item phrase a remark ("milk is expensive", "eggs got pricey")."""
EACH = re.compile(r",?\s+(\w+)\s+(?:of\s+)?each(\s+please)?\s*[.!]?$")
""" "…, one each": the count of every item."""
GO_AHEAD = re.compile(r"^(?:please\s+)?(?:go\s+ahead|just\s+go)\s+and\s+(?=\w)")
CLAUSE_COMMA = re.compile(
    r"[,?!](?![0-9])|\.(?=\s)|\s(?=but\s)|\s(?=and\s+also\s)"
    r"|\s(?=and\s+(?:then\s+)?(?:send|deliver|bring|ship|drop)\s+(?:it|them|everything|that|"
    r"those|this|all)\b)|\s(?=and\s+have\s+(?:it|them)\s+(?:sent|delivered|dropped)\b)|\s(?=and\s+(?:i|we)(?:'ll|\s+will|\s+can)\s+(?:pick|collect|grab)\b)"
)
"""A comma (or the end of a sentence, or "but") between clauses or items, not inside a number
(1,000); an "and" before a clause of its own: "milk, eggs and also order some bread",
"order the same thing again and send it to my locker"."""
PICK_WORDS = frozenset({"{size}", "get", "take", "want", "go", "with", "choose", "pick"})
"""A size said alone ("the 750 ml one", "get the 2 liter one"): a pick among the offered, or
after a comma the size of the item before it."""
CLAUSE_LEAD = re.compile(r"^\s*(?:but|and)\s+")
"""The word that joined a clause to the one before it."""
INTERJECTION = re.compile(r"(?<![\w'])(?:oh+|ah+|um+|uh+|uhm+|erm*|hmm+|mm+)\b[,.]?")
"""Sounds said while thinking ("a milk, oh and sliced cheese too", "milk and uh eggs"): no
word of the request (an answer made only of them is still a hesitation)."""
PRONOUN_OBJECT = re.compile(
    r"\b(?:some|some\s+more|more|it|them)(?:\s+for\s+(?:us|me))?\s*(?:please)?\s*[.!?]?$"
)
""" "can you order some": a request that counts on the clause before it for its product."""

MYSELF = re.compile(
    r"\b(pick\s+(?:it|them)\s+up|collect\s+(?:it|them)|grab\s+(?:it|them))\s+(?:myself|ourselves)\b"
)
"""Picked up by oneself: at the store ("I'll pick it up myself")."""
LOCKER_DROP = re.compile(
    r"\b(?:drop|leave|put|stick|stash)\s+(it|them|that|those|this|these|everything)\s+"
    r"(?:off\s+)?(?:in|at|into|inside|to)\s+(?:(my|our|the)\s+)?((?:parcel\s+)?lockers?)\b"
)
"""A locker named as where the order is left: "drop it in my locker", "leave it in the locker",
"put it in my locker" are "send it to my locker"."""
POLITE_WORDS = frozenset({"please", "pls", "plz"})
THANKS = re.compile(
    r"[,.!]?\s*\b(?:thanks|thank\s+(?:you|u)|thankyou|thx|thanx|thnx|tnx|ty|tysm|cheers)"
    r"(?:\s+(?:so\s+much|a\s+lot))?\s*[.!]?$"
)
"""A thanks after a request without a verb is its please."""
DELIVERED = frozenset({"order", "add_to_cart", "subscribe", "reorder"})
LISTED = frozenset({"order"})
"""Intents whose items said over several clauses make one list ("we need milk, also order
eggs")."""
ALSO = (
    (re.compile(r"\b(?:as\s+well\s+as|along\s+with|together\s+with)\b"), " and "),
    (re.compile(r"\s+(?:too|as\s+well)\s*([.!?]?)\s*$"), r"\1"),
)
"""Other words of a list: "milk as well as eggs", "and get eggs too"."""
"""Intents whose request a delivery said after it belongs to."""
SERVINGS = frozenset({"cup", "cups", "mug", "mugs", "glass", "glasses", "shot", "pot"})
PREPARED = frozenset(
    "coffee coffees tea teas latte lattes americano espresso cappuccino cocoa".split()
)
"""Drinks a household makes: "I want coffee" asks for a cup, not a box (MASSIVE's iot_coffee)."""
PANTRY = frozenset("mix beans bean bags bag powder sticks stick capsules pods milk".split())
"""Words after a drink that make it a pantry item ("coffee mix", "tea bags")."""
STRONG_NEED = re.compile(r"\b(?:out|low)\s+(?:of|on)\b|\bused\s+up\b")
"""A need that is about the pantry ("we're out of coffee"), not about a cup now."""
ASIDE_WORDS = frozenset("at for in on with from during this that".split())
"""Words that tell a remark from a need: "there's no milk in this recipe", "the kids ate all
the pizza at the party"."""
COUNTING_VERBS = frozenset({"order", "buy", "get", "purchase", "grab", "make", "*please"})
"""The verbs of "order two of those", "make it two": a count of what the clauses before named."""
SIZE_WORDS = frozenset({"big", "bigger", "small", "smaller", "large", "larger", "little", "huge"})
"""Words of size said before a pack size ("the big 20kg rice bag", "the big 3.3 kilo one"):
the size said tells the pack."""
COMMON_NAME_WORDS = frozenset(
    "for our east west north south april together traditional dedicated fashioned flavored "
    "boneless australian norwegian korean american welfare sunshine drinking cooking "
    "sparkling servings cleaned dried fried frozen marinated mixed peeled roasted salted "
    "sliced smoked steamed unsalted whipping boiled canned brewed braising french greek "
    "lunchbox glutinous".split()
)
"""Words of English product names that are ordinary English (adjectives, origins) though
not in the lemma tables: never a product's name on their own."""
SENDING = frozenset({"send", "deliver", "bring", "ship", "put", "drop"})
"""Verbs of a request that says where it goes: "send eggs to my locker"."""


@dataclass(frozen=True)
class Amount:
    """A number as said before a product: a count with its counting word, or a pack size."""

    count: int | str | None
    """How many (a string when not a whole count: "0.5")."""
    unit: str | None
    """The counting word (bottle, pack)."""
    size: str | None
    """The pack size, normalised ("1L", "12개입")."""


def build_pipeline() -> Language:
    """A blank English spaCy pipeline with lookup lemmas (spacy-lookups-data)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


Tok = tuple[str, str, int, int]


class EnglishFrontEnd:
    """English utterance -> :class:`Analysis`."""

    def __init__(self, grammar: Grammar, product_words: tuple[str, ...] = ()) -> None:
        self.grammar = grammar
        self.nlp = build_pipeline()
        product_words = self._names(product_words)
        joined = {*JOINED, *(w.lower() for w in product_words if " " in w)}
        self.joined = tuple(tuple(w.split()) for w in sorted(joined))
        """Product words of several words, kept whole: "mac and cheese", "low fat milk"."""
        self.known = frozenset(w.lower() for w in product_words)
        self.multi = tuple(w for w in self.known if " " in w)
        self.single = tuple(w for w in self.known if " " not in w)
        """The catalog's English words ("milk", "toilet paper"): a request without a verb or
        a need names one of them ("milk please", not "traffic please")."""

    def _names(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The catalog's words with the words of English product names ("Hetbahn", "Ramyun")
        in lower case; a name's word that is an ordinary English word ("Fresh", "Farm",
        "Tasty": a lemma of the lookup tables, or a word of the grammar) is left out: it
        would make chatter look like groceries."""
        lemmatizer = self.nlp.get_pipe("lemmatizer")
        assert isinstance(lemmatizer, Lemmatizer)
        table = lemmatizer.lookups.get_table("lemma_lookup")
        common = {*table.keys(), *table.values()}
        grammar = self.grammar
        ordinary = {
            *grammar.vocabulary, *grammar.fillers, *grammar.boundaries, *grammar.time_words,
            *grammar.not_products, *grammar.delivery, *grammar.counters, *COMMON_NAME_WORDS,
        }  # fmt: skip
        kept: list[str] = []
        for word in words:
            if not word[:1].isupper():
                kept.append(word)
                continue
            low = word.lower()
            lemma = table.get(low, low)
            if low not in common and lemma not in common and low not in ordinary:
                kept.append(low)
        return tuple(dict.fromkeys(kept))

    def analyse(self, text: str) -> Analysis:
        raw = normal_form(text).replace("\u2019", "'")
        text = UNIT_SPLIT.sub(r"\1 \2", clean(raw).lower())
        text = PACKED.sub(_packed, text)  # "a 15-egg carton"
        text = GO_AHEAD.sub("", text)  # "go ahead and order eggs"
        text = COURTESY.sub("", text)  # "would you mind ordering tofu"
        text = MYSELF.sub(r"\1 at the store", text)  # "I'll pick it up myself"
        text = LOCKER_DROP.sub(lambda m: f"send {m[1]} to {m[2] or 'the'} {m[3]}", text)
        # "a milk, oh and sliced cheese too"; one said first stays ("uh, yes" is no yes)
        lead = re.match(r"^\W*\w+\W*", text)
        start = lead.end() if lead else 0
        text = text[:start] + re.sub(r"\s+", " ", INTERJECTION.sub(" ", text[start:])).strip()
        for pattern, written in ALSO:
            text = pattern.sub(written, text)
        after = AFTERTHOUGHT.match(text)
        if after and not set(after.group(1).split()) & BE_WORDS:
            text = f"{after.group(2)} {after.group(1)}"  # "four, actually": a correction
        instead = INSTEAD_OF.match(text)
        if instead:  # "Turtle Chips instead of Pocachip"
            body = INTERJECTION.sub("", instead[1]).strip(" ,")
            text = body if FIX.match(body) else f"actually {body}"
        text = RATHER.sub("actually ", text)  # "what about Turtle Chips"
        first = NOT_FIRST.match(text)
        if first:  # "not Pocachip, Turtle Chips": the product wanted, as a correction
            text = f"actually {first.group(1)}"
        not_that = NOT_THAT.match(text)
        if not_that:  # "Turtle Chips, not Pocachip": the one not wanted is left out
            body = not_that.group(1)
            text = body if FIX.match(body) else f"actually {body}"
        words = words_en(text)
        # judged on the whole answer: "hmm, yes" is not a yes
        question = question_en(raw, words)
        hesitant = hesitant_en(raw, words, self.grammar.hesitations)
        if words and all(w in self.grammar.hesitations for w in words):
            # "what?", "wait, what": no request at all
            return Analysis((), Slots(), question=question, hesitant=hesitant)
        each = EACH.search(text)
        if each:  # "detergent and fabric softener, one each please"
            text = text[: each.start()] + (" please" if each.group(2) else "")
        analysis = self._referring(self._clauses(text, question))
        count = parse_number(each.group(1)) if each else None
        if count is not None and analysis.slots.items:
            items = tuple(
                i if i.quantity else replace(i, quantity=count) for i in analysis.slots.items
            )
            slots = replace(analysis.slots, items=items, quantity=items[0].quantity)
            analysis = replace(analysis, slots=slots)
        return replace(analysis, question=question, hesitant=hesitant)

    def _clauses(self, text: str, question: bool) -> Analysis:
        whole = self._marked(text, question)
        name = lookup(self.grammar, whole.key)
        if name is not None and (len(whole.slots.items) > 1 or whole.slots.schedule):
            return whole  # "milk, eggs and tofu please", "every two weeks, three packs of …"
        commas = list(CLAUSE_COMMA.finditer(text))
        tail = text[commas[-1].end() :] if commas else ""
        tail = CLAUSE_LEAD.sub("", tail)  # "same again, but I'll pick it up at the store"
        if tail.strip():
            # "I'm traveling, pause my deliveries": the last clause carries the request
            last = self._marked(tail.strip(), question)
            said = lookup(self.grammar, last.key)
            if "{size}" in last.key and set(last.key) <= PICK_WORDS:
                said = None  # "buy eggs, the 30 pack": the size of the item before
            counted = self._counted_later(text[: commas[-1].start()].strip(), last, question)
            if counted is None and PRONOUN_OBJECT.search(tail):
                counted = self._pointed_back(text[: commas[-1].start()].strip(), last, question)
            if counted is not None:
                return counted
            if said == "set_delivery" and last.slots.delivery:
                # "order a box of hetbahn, I'll pick it up at the store": one order
                head = self._clauses(text[: commas[-1].start()].strip(), question)
                if lookup(self.grammar, head.key) in DELIVERED:
                    return replace(head, slots=replace(head.slots, delivery=last.slots.delivery))
            if said is not None:
                return self._with_head(text[: commas[-1].start()].strip(), last, question)
        return whole

    def _with_head(self, head: str, last: Analysis, question: bool) -> Analysis:
        """The last clause's request with the items of the clauses before it when they ask
        for the same ("we're out of milk, and get eggs too": milk and eggs); an item is never
        dropped silently."""
        said = lookup(self.grammar, last.key)
        if said not in LISTED or not last.slots.items or not head:
            return last
        before = self._clauses(head, question)
        if lookup(self.grammar, before.key) not in LISTED or not before.slots.items:
            return last
        items = (*before.slots.items, *last.slots.items)
        delivery = last.slots.delivery or before.slots.delivery
        return replace(before, slots=replace(before.slots, items=items, delivery=delivery))

    def _counted_later(self, head: str, last: Analysis, question: bool) -> Analysis | None:
        """ "we should get some gochujang, could you order one", "banana milk, the four-pack,
        order two of those": the last clause is a verb and a count without a product, the
        clauses before it name the one item it counts."""
        verb = len(last.key) == 2 and last.key[0] in COUNTING_VERBS  # "order two of those"
        if last.key[-1:] != ("{quantity}",) or not (verb or len(last.key) == 1):  # "two tubes"
            return None
        if last.slots.items or not head:
            return None
        before = self._clauses(head, question)
        items = before.slots.items
        if lookup(self.grammar, before.key) not in DELIVERED or len(items) != 1:
            return None
        size = last.slots.size or items[0].size  # "order eggs, a tray of 30"
        if size and size.endswith("개입") and set((items[0].product or "").split()) & EGG_WORDS:
            size = size.removesuffix("개입") + "구"  # a tray of 30 eggs
        item = replace(items[0], quantity=last.slots.quantity, unit=last.slots.unit, size=size)
        slots = replace(
            before.slots, items=(item,), quantity=item.quantity, unit=item.unit, size=item.size
        )
        return replace(before, slots=slots)

    def _pointed_back(self, head: str, last: Analysis, question: bool) -> Analysis | None:
        """ "there's no milk, can you order some": the last clause is a shop verb alone whose
        object ("some", "it") stands for the items the clauses before ask for."""
        if len(last.key) != 1 or last.key[0] not in COUNTING_VERBS or last.slots.items:
            return None
        before = self._clauses(head, question)
        if lookup(self.grammar, before.key) not in LISTED or not before.slots.items:
            return None
        return before

    def _marked(self, text: str, question: bool) -> Analysis:
        """The reading with the phrases this front end knows marked ("we're out of" ->
        ``*need``), when a template takes it; else the plain reading."""
        thanks = THANKS.search(text)
        if thanks and thanks.start() > 0:  # "two cartons of milk, thanks"
            polite = self._marked(text[: thanks.start()] + " please", question)
            if lookup(self.grammar, polite.key) == "order" and polite.slots.items:
                return polite
        plain = self._analyse(text)
        for marked in _markings(text, question):
            analysis = self._analyse(marked)
            if lookup(self.grammar, analysis.key) is not None and self._groceries(analysis, text):
                return analysis
        if lookup(self.grammar, plain.key) is None and _verbless(plain, text):
            # "milk please", "two milks", "bananas every saturday please"
            lead = plain.key[:1] if plain.key[0] == "{schedule}" else ()
            verbless = replace(plain, key=(*lead, "*please", *plain.key[len(lead) :]))
            if self._groceries(verbless, text):
                return verbless
        return plain if self._groceries(plain, text) else replace(plain, key=())

    def _referring(self, analysis: Analysis) -> Analysis:
        """ "same again", "reorder": a repeat without a product points back at the last order."""
        if analysis.slots.product is None and lookup(self.grammar, analysis.key) == "reorder":
            return replace(analysis, slots=replace(analysis.slots, reference=True))
        return analysis

    def _groceries(self, analysis: Analysis, text: str) -> bool:
        """Whether a request without the shop's verb ("milk please", "we're out of milk",
        "send eggs to my locker") names the catalog's groceries, every item of it; any other
        reading passes."""
        key = analysis.key
        if key[:1] == ("{schedule}",):
            key = key[1:]
        if not key or key[0] not in {"*please", "*need", "get", "add", *SENDING}:
            return True
        if key[0] in {"get", *SENDING} and lookup(self.grammar, key) != "order":
            return True
        if key[0] == "add" and set(key) & self.grammar.shopping_lists:
            return True  # "add cereal to my cart": the cart says it
        items = analysis.slots.items
        if not items or not all(self._known(i.product or "") or _boxed(i) for i in items):
            return False
        strong = key[0] == "*need" and STRONG_NEED.search(text) is not None
        return strong or key[0] in SENDING or not any(self._served(i) for i in items)

    def _served(self, item: Item) -> bool:
        """A drink to be made or served, not a pack to buy: "a cup of coffee", "I want
        coffee", "tea please" (but "a box of tea bags", "we're out of coffee" are groceries)."""
        words = (item.product or "").split()
        if any(w in SERVINGS for w in words):
            return not any(f" {k} " in f" {item.product} " for k in self.known if " " in k)
        if item.unit is not None or item.size is not None:
            return False
        after = [*words[1:], ""]
        return any(w in PREPARED and a not in PANTRY for w, a in zip(words, after, strict=True))

    def _known(self, phrase: str) -> bool:
        """A catalog word in the phrase: as said, in the singular or plural ("kitchen
        towels"), or typed with two letters swapped ("mlik") or, in a long word, one letter
        off ("detergant")."""
        words = [w.removesuffix("s") for w in phrase.split()]
        for w in phrase.split():
            if {w, w.removesuffix("s"), w.removesuffix("es"), f"{w}s"} & self.known:
                return True
        padded, singular = f" {phrase} ", f" {' '.join(words)} "
        if any(f" {k} " in padded or f" {k} " in singular for k in self.multi):
            return True
        return any(_typo(w, k) for w in phrase.split() if len(w) >= 4 for k in self.single)

    def _analyse(self, text: str) -> Analysis:
        doc = self.nlp(text)
        toks = [(t.text, t.lemma_.lower(), t.idx, t.idx + len(t.text)) for t in doc]
        schedule = find_schedule(text, ENGLISH_SCHEDULE)
        marked = _schedule_tokens(toks, self.grammar) if schedule is not None else set()
        negated = any(lemma in {"not", "never"} for _, lemma, _, _ in toks)
        past = _past(toks)
        reported = PLAN.search(text) is not None
        pieces = self._pieces(toks, marked)
        key, items, quantity, delivery = _fold(pieces, text)
        if "{schedule}" in key:  # wherever it was said, a schedule leads the key
            key = ["{schedule}", *(k for k in key if k != "{schedule}")]
        first = items[0] if items else Item(None)
        count = quantity.count if quantity else None
        unit = quantity.unit if quantity else None
        size = quantity.size if quantity else None
        count, odd = (None, count) if isinstance(count, str) else (count, None)
        when = schedule if "{schedule}" in key else None
        reference = "{ref}" in key or "*another" in key
        slots = Slots(first.product, count, unit, when, delivery, not_a_count=odd, size=size,
                      items=tuple(items), reference=reference)  # fmt: skip
        not_product = any(
            w in self.grammar.not_products
            for item in items
            for w in re.split(r"\s+", item.product or "")
        )
        return Analysis(tuple(key), slots, negated, past, reported, not_product)

    def _pieces(self, toks: list[Tok], marked: set[int]) -> list[Piece]:
        grammar = self.grammar
        glued = self._glued(toks)
        out: list[Piece] = []
        i = 0
        while i < len(toks):
            form, lemma, start, end = toks[i]
            if i in marked:
                out.append(Piece("{schedule}", start, end))
                i += 1
                continue
            if form in PLACEHOLDERS:
                out.append(Piece(PLACEHOLDERS[form], start, end))
                i += 1
                continue
            if i in glued:  # "mac and cheese": one product
                out.append(Piece("{product}", start, end))
                i += 1
                continue
            if form in SIZE_WORDS and i + 1 < len(toks) and _amount_at(toks, i + 1, grammar):
                i += 1  # "the big 20kg rice bag": the size said tells the pack
                continue
            if form != lemma and form.endswith("en") and _before_a_word(toks, i, grammar):
                out.append(Piece("{product}", start, end))  # "a frozen pizza" (not "freeze")
                i += 1
                continue
            if form == "more" and (i + 1 == len(toks) or toks[i + 1][0] not in {"time", "than"}):
                i += 1  # "order more milk"
                continue
            if form == "one" and _pronoun_one(toks, i):
                i += 1  # "the maeil one": a pronoun, not a count
                continue
            amount = _amount_at(toks, i, grammar)
            if amount is not None:
                said, j = amount
                symbol = "{size}" if said.count is None and said.size else "{quantity}"
                out.append(Piece(symbol, start, toks[j - 1][3], said))
                i = j
                continue
            i += 1
            stop = form in {".", ";"} and i > 1 and len(toks[i - 2][0]) > 2  # not "Dr. You"
            if form in {",", "and", "&", "plus"} or stop:
                out.append(Piece("&", start, end))
                continue
            if not re.search(r"\w", form):
                continue
            if form in grammar.boundaries:
                out.append(Piece("|", start, end))
                continue
            if lemma in grammar.fillers or form in grammar.fillers or lemma in {"a", "an"}:
                continue
            if not marked and lemma in grammar.time_words:
                continue
            if form in self.known and form not in grammar.dropped:  # "sugar" (a word of info)
                out.append(Piece("{product}", start, end))
                continue
            if lemma in grammar.vocabulary or form in grammar.vocabulary:
                kind = grammar.delivery.get(form)  # "for pickup": a word and a delivery
                out.append(Piece(lemma if lemma in grammar.vocabulary else form, start, end, kind))
                continue
            if form in grammar.delivery or lemma in grammar.delivery:
                kind = grammar.delivery.get(form) or grammar.delivery[lemma]
                out.append(Piece("{delivery}", start, end, kind))
                continue
            out.append(Piece("{product}", start, end))
        return out

    def _glued(self, toks: list[Tok]) -> set[int]:
        """Indexes of the words of a product word of several words ("mac and cheese", "low
        fat milk": "and" and "low" are otherwise words of the grammar)."""
        forms = [t[0] for t in toks]
        glued: set[int] = set()
        for words in self.joined:
            n = len(words)
            for i in range(len(forms) - n + 1):
                if tuple(forms[i : i + n]) == words:
                    glued.update(range(i, i + n))
                elif n >= 3 and tuple(forms[i : i + n - 1]) == words[:-1]:
                    glued.update(range(i, i + n - 1))  # "the low fat one"
        return glued


ITEM_SYMBOLS = frozenset({"{product}", "{quantity}", "{size}"})
VERBLESS = frozenset({"{product}", "{quantity}", "{delivery}", "{schedule}", "pickup"})
"""What a request without a verb is made of: "bananas every saturday please"."""


def _fold(
    pieces: list[Piece], text: str
) -> tuple[list[str], list[Item], Amount | None, str | None]:
    """Runs of products and amounts become items; items joined by "and" or commas are one list,
    of which the key keeps the first ("order {quantity} {product}"). A product run after a
    preposition ("from dominos") is dropped; "and" before anything else ends a phrase."""
    elements: list[list[Piece] | Piece] = []
    for p in pieces:
        if p.symbol in ITEM_SYMBOLS:
            last = elements[-1] if elements else None
            if isinstance(last, list):
                last.append(p)
            else:
                elements.append([p])
        else:
            elements.append(p)
    # lists: run (& run)+
    lists: list[list[list[Piece]] | Piece] = []
    k = 0
    while k < len(elements):
        el = elements[k]
        if isinstance(el, list):
            runs = _split_run(el)
            j = k + 1
            while j + 1 < len(elements) and _is_sep(elements[j]):
                n = j
                while n < len(elements) and _is_sep(elements[n]):
                    n += 1
                nxt = elements[n] if n < len(elements) else None
                if not isinstance(nxt, list) or not _has_product(runs[-1]):
                    break
                if _has_product(nxt):
                    runs.extend(_split_run(nxt))
                elif _completes(runs[-1], nxt):
                    runs[-1] = [*runs[-1], *nxt]  # "eggs, one tray", "seoul milk, the 1 liter one"
                else:
                    break
                j = n + 1
            lists.append(runs)
            k = j
            continue
        lists.append(el)
        k += 1
    key: list[str] = []
    found: list[list[list[Piece]]] = []
    after_boundary = False
    delivery = None
    for part in lists:
        if isinstance(part, Piece):
            if part.symbol in {"|", "&"}:
                after_boundary = bool(found) and any(_has_product(r) for r in found[-1])
                continue
            after_boundary = False
            if part.symbol == "{delivery}" or (isinstance(part.value, str) and delivery is None):
                delivery = part.value
            if key and key[-1] == part.symbol and part.symbol.startswith("{"):
                continue
            key.append(part.symbol)
            continue
        if after_boundary and part[0][0].symbol == "{product}":
            continue  # "pizza from dominos"
        after_boundary = False
        for p in part[0]:
            symbol = p.symbol
            if symbol == "{size}" and _has_product(part[0]):
                continue
            if key and key[-1] == symbol and symbol in {"{product}", "{quantity}", "{size}"}:
                continue
            key.append(symbol)
        found.append(part)
    main = next((f for f in reversed(found) if any(_has_product(r) for r in f)), None)
    if main is None:
        main = found[-1] if found else []
    items = [_item(r, text) for r in main if _has_product(r)]
    amount = _amount(main[0]) if main else None
    return key, items, amount, delivery


def _completes(run: list[Piece], more: list[Piece]) -> bool:
    """An amount said after an item, which it does not have yet ("eggs, one tray")."""
    had, said = _amount(run), _amount(more)
    if said is None:
        return False
    if had is None:
        return True
    count = said.count is None or had.count is None
    size = said.size is None or had.size is None
    return count and size


def _is_sep(el: list[Piece] | Piece) -> bool:
    return isinstance(el, Piece) and el.symbol == "&"


def _has_product(run: list[Piece]) -> bool:
    return any(p.symbol == "{product}" for p in run)


def _split_run(run: list[Piece]) -> list[list[Piece]]:
    """ "two milks a dozen eggs" -> two runs: an amount after a product starts a new item when
    another product follows it ("milk x3" stays one)."""
    out: list[list[Piece]] = [[]]
    for n, p in enumerate(run):
        current = out[-1]
        if p.symbol != "{product}" and _has_product(current):
            rest = run[n + 1 :]
            if _has_product(rest):
                out.append([p])
                continue
        current.append(p)
    return [r for r in out if r]


def _amount(run: list[Piece]) -> Amount | None:
    """The amounts of one item merged: "three 1 liter milks" is 3 of the size 1L."""
    said = [p.value for p in run if isinstance(p.value, Amount)]
    if not said:
        return None
    count = next((a.count for a in said if a.count is not None), None)
    unit = next((a.unit for a in said if a.unit is not None), None)
    sizes = [a.size for a in said if a.size is not None]
    # "a six pack of samdasoo 2 liter": the volume tells the products apart
    size = next((z for z in sizes if z.endswith(MEASURED)), sizes[0] if sizes else None)
    return Amount(count, unit, size)


def _item(run: list[Piece], text: str) -> Item:
    products = [p for p in run if p.symbol == "{product}"]
    product = text[products[0].start : products[-1].end].strip() if products else None
    amount = _amount(run)
    if amount is None:
        return Item(product)
    count = amount.count if isinstance(amount.count, int) else None
    return Item(product, count, amount.unit, amount.size)


def _markings(text: str, question: bool) -> list[str]:
    """The text with each phrase this front end knows written as its placeholder, most
    specific first."""
    out: list[str] = []
    referred = text
    for pattern, placeholder in REFS:
        referred = pattern.sub(placeholder, referred)
    referred = re.sub(r"\s+", " ", referred).strip()
    did = DID.search(referred)
    if did:
        referred = f"{referred[: did.start(1)]}zzdid {referred[did.start(1) :]}"
    fix = FIX.match(referred)
    if fix and (not JUST.match(referred) or JUST_COUNTED.match(referred)):
        out.append("zzfix " + referred[fix.end() :])
        if ASIDE.match(referred):
            out.append(referred[fix.end() :])  # "actually cancel my last order"
    need = NEED.match(referred)
    if need and not question:
        out.append("zzneed " + referred[need.end() :])
    gone = GONE.match(referred)
    if gone and not question:
        out.append("zzneed " + gone.group(1))
    left = LEFT.match(referred)
    said = set((left.group(1) or left.group(2)).split()) if left else set()
    if left and not question and not said & ASIDE_WORDS:
        out.append("zzneed " + (left.group(1) or left.group(2)))
    polite = POLITE.match(referred)
    if polite and not IN_THE_HOUSE.search(referred):
        out.append("zzplease " + referred[polite.end() :])
    if referred != text:
        out.append(referred)
    return out


def _verbless(analysis: Analysis, text: str) -> bool:
    """Items and nothing else, with a sign of a request: "milk please", "two milks", "some
    eggs" (not "milk is expensive", not "milk")."""
    key = analysis.key
    if not key or any(k not in VERBLESS for k in key) or "{product}" not in key:
        return False
    items = analysis.slots.items
    if not items or any(w in BE_WORDS for i in items for w in (i.product or "").split()):
        return False
    words = set(re.findall(r"[\w']+", text))
    counted = any(i.quantity is not None or i.size is not None for i in items)
    scheduled = key[0] == "{schedule}"
    listed = len(items) > 1  # "milk and eggs"
    some = text.startswith("some ")
    return bool(words & POLITE_WORDS) or counted or some or scheduled or listed


def _packed(found: re.Match[str]) -> str:
    """ "a 15-egg carton" -> "a carton of 15 egg"; "the 30 roll pack" -> "the 30 roll"."""
    count, size, inside, pack = found.groups()
    if count is None:
        return f"{size} {inside}"
    return f"{count} {pack} of {size} {inside}"


def _before_a_word(toks: list[Tok], i: int, grammar: Grammar) -> bool:
    """Whether the next word is no word of the grammar (a participle before it is an
    adjective: "frozen pizza")."""
    if i + 1 >= len(toks):
        return False
    form, lemma = toks[i + 1][0], toks[i + 1][1]
    words = grammar.vocabulary | grammar.fillers | grammar.boundaries
    return form.isalpha() and form not in words and lemma not in words


def _typo(said: str, word: str) -> bool:
    if abs(len(said) - len(word)) > 1 or OSA.distance(said, word, score_cutoff=1) > 1:
        return False
    doubled = len(word) >= 5 and _single(said) == _single(word)  # "bananna", "brocoli"
    return sorted(said) == sorted(word) or len(word) >= 7 or doubled


def _single(word: str) -> str:
    """The word with each doubled letter said once."""
    return re.sub(r"(.)\1+", r"\1", word)


def _boxed(item: Item) -> bool:
    """A count of a container ("one box of hetbahn"): said of groceries, not of chatter."""
    return item.quantity is not None and item.unit is not None and item.unit not in MEASURES


def _past(toks: list[Tok]) -> bool:
    """The request's own verb is in the past ("I ordered pizza", "did I buy milk?"); a past verb
    after a present one ("buy what I bought last week") only describes the object."""
    for form, lemma, _, _ in toks:
        if form in PAST_FORMS:
            return True
        if form == lemma and lemma in PRESENT_VERBS:
            return False
    return False


def _pronoun_one(toks: list[Tok], i: int) -> bool:
    """ "one" that stands for a product: "the maeil one", "the 1 liter one instead"."""
    before = toks[i - 1][0] if i > 0 else ""
    after = toks[i + 1][0] if i + 1 < len(toks) else ""
    if after and after not in ONE_BEFORE:
        return False
    if before in ONE_AFTER or before in SIZE_UNITS or before in PACK_WORDS:
        return True  # "the other one", "the 1 liter one"
    # "the maeil one", "the low fat one": words (not numbers) after "the"
    if not before.isalpha():
        return False
    return any(toks[k][0] in {"the", "that", "this"} for k in range(max(0, i - 4), i - 1))


def _amount_at(toks: list[Tok], i: int, grammar: Grammar) -> tuple[Amount, int] | None:
    """A number (word, digits, "a couple of", "half a dozen", "a hundred", x3) and an optional
    unit + "of", or a pack size ("1 liter", "a 12 pack", "30 rolls"); the number is the text as
    said when it is not a whole count (0.5, 1e9)."""
    forms = [t[0] for t in toks]
    value: int | str | None = None
    j = i
    special = False
    for words, number in SPECIAL_QUANTITIES:
        if tuple(forms[i : i + len(words)]) == words:
            value, j, special = number, i + len(words), True
            break
    if forms[i] == "another" and i + 1 < len(toks) and toks[i + 1][1] in grammar.counters:
        another = grammar.counters[toks[i + 1][1]]  # "another carton of milk"
        return Amount(1, another, None), _after_of(forms, i + 2)
    article = forms[i] in {"a", "an"} and i + 1 < len(toks)
    if article and (DIGITS.fullmatch(forms[i + 1]) or NOT_A_COUNT.fullmatch(forms[i + 1])):
        inner = _amount_at(toks, i + 1, grammar)
        if inner is not None and inner[0].count is None and inner[0].unit:
            return replace(inner[0], count=1), inner[1]  # "a 10 kilo bag of rice": one bag
    if value is None and article and toks[i + 1][1] in grammar.counters:  # "a bottle of milk"
        counted = grammar.counters[toks[i + 1][1]]
        if counted in MEASURES:  # "a kilo of beef": the 1kg pack
            size = normal_size(1, counted)
            return Amount(None, None, size), _after_of(forms, i + 2)
        value, j = 1, i + 1
    if value is None:
        found = _number(forms, i)
        if found is None:
            return None
        value, j = found
    if not special:
        sized = _size_at(value, forms, j)
        if sized is not None:
            size, j = sized
            unit = None
            counter = grammar.counters.get(toks[j][1]) if j < len(toks) else None
            if counter is not None and counter not in MEASURES:  # "a 10 kg bag of rice"
                unit = counter
                j += 1
            return Amount(None, unit, size), _after_of(forms, j)
    if isinstance(value, str):  # not a count; "2.5 lb rice" names a pack size
        after = toks[j][1] if j < len(toks) else ""
        if after in grammar.size_units or grammar.counters.get(after) in MEASURES:
            return None
    unit = None
    if j < len(toks) and toks[j][1] in grammar.counters:
        unit = grammar.counters[toks[j][1]]
        j += 1
        pieces = _pieces_in(toks, j, grammar) if unit not in MEASURES else None
        if pieces is not None:  # "a tray of 30", "3 boxes of 12 hetbahn"
            return Amount(value, unit, pieces[0]), pieces[1]
    elif j < len(toks) and toks[j][0] in {"dozen"} and isinstance(value, int):
        value *= 12
        j += 1
    elif not special and isinstance(value, int) and value >= 4 and _egg_at(toks, j):
        return Amount(None, None, normal_size(value, "구")), j  # "30 eggs": the 30-egg tray
    return Amount(value, unit, None), _after_of(forms, j)


def _pieces_in(toks: list[Tok], j: int, grammar: Grammar) -> tuple[str, int] | None:
    """ "of 30" after a counting word ("a tray of 30", "3 boxes of 12 hetbahn"): how many
    pieces each holds, the pack size; a number followed by a unit or a counting word of its
    own ("a bag of 5 kg rice", "a case of 6 bottles") is not one."""
    forms = [t[0] for t in toks]
    if j + 1 >= len(forms) or forms[j] != "of":
        return None
    found = _number(forms, j + 1)
    if found is None or not isinstance(found[0], int) or found[0] < 4:
        return None
    value, k = found
    if k < len(toks) and (
        toks[k][1] in grammar.counters or forms[k] in SIZE_UNITS or forms[k] in PACK_WORDS
        or forms[k] in PIECE_SIZES or forms[k] in {"-", "x", "percent", "%"}
    ):  # fmt: skip
        return None
    eggs = any(w in EGG_WORDS for w in forms[max(0, j - 6) : k + 2])
    size = normal_size(value, "구" if eggs else "개입")
    return (size, k) if size is not None else None


def _egg_at(toks: list[Tok], j: int) -> bool:
    return j < len(toks) and toks[j][0] in EGG_WORDS


def _after_of(forms: list[str], j: int) -> int:
    return j + 1 if j < len(forms) and forms[j] == "of" else j


def _size_at(value: int | str, forms: list[str], j: int) -> tuple[str, int] | None:
    """The pack size a number starts: "1 liter", "10 kg", "12-pack", "30 rolls"."""
    if isinstance(value, int) and value <= 0:
        return None
    k = j + 1 if j < len(forms) and forms[j] == "-" else j
    if k >= len(forms):
        return None
    word = forms[k]
    size: str | None = None
    if word in SIZE_UNITS:
        size = normal_size(value, word)
    elif word in PIECE_SIZES and isinstance(value, int) and value >= PIECE_SIZES[word][1]:
        size = normal_size(value, PIECE_SIZES[word][0])
    elif (
        (word in PACK_WORDS or (word == "packs" and k > j))
        and isinstance(value, int)
        and (value >= 4 or k > j)
    ):  # "a 12 pack", "two 4-packs"
        eggs = any(w in EGG_WORDS for w in forms[max(0, k - 6) : k + 4])
        size = normal_size(value, "구" if eggs else "개입")
    return (size, k + 1) if size is not None else None


def _number(forms: list[str], i: int) -> tuple[int | str, int] | None:
    """The number at token i and the index after it: digits (1,000, -5), a decimal, fraction
    or exponent as said, "x3"/"3x"/"3 x", "minus 5", or the longest run of number words
    ("one hundred and one", "twenty - one")."""
    form = forms[i]
    times = re.fullmatch(r"[x×]([0-9]+)|([0-9]+)[x×]", form)
    if times:
        return int(times.group(1) or times.group(2)), i + 1
    if form in TIMES and i + 1 < len(forms) and forms[i + 1].isdigit():
        return int(forms[i + 1]), i + 2  # "milk x 3"
    if form == "minus" and i + 1 < len(forms):
        after = _number(forms, i + 1)
        if after is not None and isinstance(after[0], int):
            return -after[0], after[1]
    if DIGITS.fullmatch(form) or NOT_A_COUNT.fullmatch(form):
        j = i + 1 + (i + 1 < len(forms) and forms[i + 1] in TIMES)  # "3 x milk"
        value = parse_number(form)
        return (form if value is None else value), j
    if form in {"a", "an"}:
        if i + 1 < len(forms) and forms[i + 1] in {"hundred", "thousand"}:
            return _words(forms, i)
        return None
    return _words(forms, i)


def _words(forms: list[str], i: int) -> tuple[int, int] | None:
    end = i
    while end < len(forms) and end - i < 10 and forms[end] in ENGLISH_NUMBER_WORDS:
        end += 1
    for stop in range(end, i, -1):
        value = parse_english(" ".join(forms[i:stop]).replace(" - ", "-"))
        if value is not None:
            return value, stop
    return None


def _schedule_tokens(toks: list[Tok], grammar: Grammar) -> set[int]:
    """Indexes of the tokens that make up the schedule phrase."""
    words = grammar.schedule_words
    marked: set[int] = set()
    for i, (form, _, _, _) in enumerate(toks):
        if form in SCHEDULE_TRIGGERS or DAYS.match(form):
            marked.add(i)
    changed = True
    while changed:
        changed = False
        for i, (form, lemma, _, _) in enumerate(toks):
            if i in marked:
                continue
            near = (i - 1) in marked or (i + 1) in marked
            schedulish = (
                form in words or lemma in words or DAYS.match(form) is not None
                or form.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", form) is not None
                or parse_english(form) is not None
            )  # fmt: skip
            if near and schedulish:
                marked.add(i)
                changed = True
    return marked
