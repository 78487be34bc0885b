"""Words of news Arabic that begin with a proclitic letter and are no proclitic + stem.

Used by the priors of ``annotator.core.clitics`` (docs/adr/0042): a word listed here is kept
whole unless the project's spans say otherwise. The lists are written from general knowledge
of Modern Standard Arabic news (ministries, agencies, offices, common names and the foreign
names news transliterates with و for W), not from any corpus's word counts; the forms are
without hamza, tashkeel or final variants because they are compared folded (ADR 0002).
"""

from __future__ import annotations

from annotator.core.search import fold

# و-initial words: nouns of government and news, Arabic given names, places and the foreign
# names news writes with و (W). A و before any other stem of three or more letters is
# usually the conjunction.
_WAW_WORDS = """
وزارة وزارات وزير وزيرة وزراء وزاري وزارية وكالة وكالات وكيل وكيلة وكلاء وفد وفود ولاية
ولايات والي ولاة وادي وديان واحة وحدة وحدات وطن وطني وطنية وطنيون أوطان وسط وسيط وسطاء
وثيقة وثائق ورقة وقت وضع أوضاع وجه وجهة وجهاء ولي ولية وريث ورثة وارد واردات وظيفة وظائف
وقف أوقاف وصية ودائع وديعة وعد وفاق وفاة وفيات ورشة ورش وقود وباء وزن وسام أوسمة ولادة
وحي وهم وجود وصول وعي وكر
وليد وائل وديع وفاء وصفي وهبي وهبة وجدي وحيد وحيدة وسيم وسيمة وداد وضاح وجيه وجيهة وفيق
وفيقة ولاء وعد وئام وصال ورد وردة وليم ويليام
واشنطن وارسو ويلز وهران ويستمنستر ولينغتون ولنغتون واغادوغو وزيرستان ووهان ويلسون
وولفويتز ويكيليكس ويندوز وول والتر والاس والش وودرو وينستون ويسكونسن
"""

# ف- and ك-initial words are left to the evidence; these are common names and nouns of news
# that the frequency rule would cut on a frequent stem (فيصل is not ف + يصل).
_FA_KAF_WORDS = """
فيصل فهد فؤاد فارس فاروق فايز فائز فتحي فريد فرح فلاح فوزي فادي فراس فيروز فيينا فاس فرنسا
كمال كريم كامل كاظم كوفي كوبا كولن كولومبيا كييف كابل كيرى كيري كندا
"""


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


WAW_WORDS = _folded(_WAW_WORDS)
"""Folded و-initial words kept whole by the conjunction prior."""
WHOLE_NAMES = _folded(_FA_KAF_WORDS) | WAW_WORDS
"""Folded words never split on frequency alone (a span still can)."""
