"""The words that announce reported speech in Arabic news, by search key (docs/adr/0054).

Every form is written here as a reader writes it and folded once with ``word_key`` (the search
key: tashkeel, tatweel and hamza forms do not matter), so صرّح, صرح and أكّد, اكد match alike.
A verb may carry the conjunction و or ف (وقال، فأضاف، وأكدت).
"""

from __future__ import annotations

from annotator.core.recommend_gazetteer import word_key


def _keys(words: str) -> frozenset[str]:
    """The search keys of the white-space separated ``words``."""
    return frozenset(word_key(w) for w in words.split())


# The speech verbs of the issue, each with its past forms (he, she, they, the two of them),
# its present forms and its active participle; continuation verbs (أضاف، تابع، أردف) say
# that the same person goes on speaking.
_VERBS = {
    "قال": "قال قالت قالوا قالا قالتا يقول تقول يقولون تقولون",
    "أكد": "أكد أكدت أكدوا أكدا أكدتا يؤكد تؤكد يؤكدون مؤكدا مؤكدة",
    "أضاف": "أضاف أضافت أضافوا أضافا أضافتا يضيف تضيف يضيفون مضيفا مضيفة",
    "أوضح": "أوضح أوضحت أوضحوا أوضحا يوضح توضح يوضحون موضحا موضحة",
    "أشار": "أشار أشارت أشاروا أشارا يشير تشير يشيرون مشيرا مشيرة",
    "تابع": "تابع تابعت تابعوا تابعا",
    "ذكر": "ذكر ذكرت ذكروا ذكرا يذكر تذكر يذكرون",
    "صرّح": "صرح صرحت صرحوا صرحا يصرح تصرح يصرحون مصرحا",
    "أعلن": "أعلن أعلنت أعلنوا أعلنا يعلن تعلن يعلنون معلنا معلنة",
    "أفاد": "أفاد أفادت أفادوا أفادا يفيد تفيد يفيدون",
    "لفت": "لفت لفتت لفتوا لفتا يلفت تلفت",
    "نوّه": "نوه نوهت نوهوا نوها ينوه تنوه",
    "أردف": "أردف أردفت أردفوا",
}
CONTINUATIONS = frozenset(["أضاف", "تابع", "أردف"])

SPEECH_VERBS: dict[str, str] = {}
"""Search key of a verb form (with and without و / ف) → the verb it is a form of."""
for _verb, _forms in _VERBS.items():
    for _form in _forms.split():
        for _prefix in ("", "و", "ف"):
            SPEECH_VERBS[word_key(_prefix + _form)] = _verb

SAYING = _keys("قائلا قائلة قائلين قائلتين")
"""قائلاً: "saying", after the verb (وتابع قائلاً: «…»): an introducer, like the colon."""

THAT = _keys("إن أن بأن وأن إنه أنه بأنه إنها أنها بأنها إنهم أنهم بأنهم إننا أننا بأننا")
"""إن / أن (and بأن, with a pronoun: إنه، أنها…): the complementizer that opens reported speech."""

COLONS = frozenset(":：")

FILLERS = _keys("أيضا كذلك بدوره بدورها بدورهم مجددا")
"""Words after a verb that are not its subject (وأضاف أيضاً:، وأكد بدوره أن…)."""

_NOUNS = "بيان تصريح تصريحات حديث مقابلة كلمة مؤتمر تغريدة تدوينة رسالة بلاغ إعلان خطاب منشور"
STATEMENT_BARE = frozenset(p + k for k in _keys(_NOUNS) for p in ("", "ال"))
"""The statement nouns as such: بيان، البيان."""
STATEMENT_NOUNS = STATEMENT_BARE | frozenset(p + k for k in STATEMENT_BARE for p in ("ب", "وب"))
"""في بيان، في تصريح، بحسب البيان…: a statement noun (with ال and the preposition ب)."""

STATEMENT_LEADS = _keys("في عبر خلال بحسب حسب وفق وفي وعبر وبحسب")
"""What stands before a statement noun without ب: في بيان، عبر تغريدة، بحسب البيان."""

PREPOSITIONS = _keys("في من مع عن إلى على لدى أمام بعد قبل خلال عبر حول منذ")
"""A subject never lies past one of these (قال مصدر في الخارجية: the subject is مصدر)."""

SENTENCE_ENDS = frozenset(".!?؟؛;…")
