"""The quote recommender on the sample article and on articles written for every cue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_LABELS, Span
from annotator.core.recommend_quotes import Cue, find_quotes, speakers_of, suggest_quotes
from annotator.core.suggestions import Suggestion

SAMPLE = (Path(__file__).parents[2] / "seeds" / "washington-turkey-isis.txt").read_text("utf-8")
_ENTITY = re.compile(r"\[([^|\]]+)\|([A-Z]+)\]")


def article(marked: str) -> tuple[str, list[Span]]:
    """The text of ``marked`` and its spans: [كارتر|PER] is an entity span."""
    spans: list[Span] = []
    out: list[str] = []
    at = 0
    length = 0
    for m in _ENTITY.finditer(marked):
        out.append(marked[at : m.start()])
        length += m.start() - at
        spans.append(Span(None, 1, length, length + len(m.group(1)), m.group(2)))
        out.append(m.group(1))
        length += len(m.group(1))
        at = m.end()
    out.append(marked[at:])
    return "".join(out), spans


def quotes(marked: str) -> list[tuple[str, Cue, str | None]]:
    """(quoted text, cue, speaker text) of every quote found."""
    text, spans = article(marked)
    found = find_quotes(text, speakers_of(spans, (), DEFAULT_LABELS))
    return [
        (text[q.start : q.end], q.cue, None if q.speaker is None else text[slice(*q.speaker)])
        for q in found
    ]


SAMPLE_ENTITIES = {"كارتر": "PER", "البنتاغون": "ORG", "إيشق": "PER", "داعش": "ORG"}


def test_the_quotes_of_the_sample_article() -> None:
    spans = [
        Span(None, 1, m.start(), m.end(), label)
        for name, label in SAMPLE_ENTITIES.items()
        for m in re.finditer(name, SAMPLE)
    ]
    got = suggest_quotes(4, SAMPLE, spans)
    starts = [SAMPLE[q.start : q.start + 12] for q in got.quotes]
    assert starts == [
        "خطة عمليتنا ",
        "بحث الوزيران",
        "بحث الوزيران",
        "إنه ينبغي أل",
        "ما تصر تركيا",
    ]
    ends = [SAMPLE[q.end - 5 : q.end] for q in got.quotes]
    assert ends == ["سياسي", "دودها", "شتركة", "الرقة", "وحدها"]
    # the second quote runs over a paragraph break (وأكد كارتر … حدودها»)
    assert "\n\n" in SAMPLE[got.quotes[1].start : got.quotes[1].end]
    assert all(SAMPLE[q.start - 1] == "«" and SAMPLE[q.end] == "»" for q in got.quotes)
    assert [q.score for q in got.quotes] == [0.85, 0.9, 0.9, 0.9, 0.9]
    assert {(q.document_id, q.label, q.recommender) for q in got.quotes} == {(4, "QUOTE", "quotes")}
    speakers = [(SAMPLE[slice(*link.target)], link.score) for link in got.links]
    # قال كارتر، ذكر البنتاغون، وأضاف البيان (carried)، وأضاف إيشق، وتابع قائلاً (carried)
    assert speakers == [
        ("كارتر", 0.9),
        ("البنتاغون", 0.9),
        ("البنتاغون", 0.6),
        ("إيشق", 0.9),
        ("إيشق", 0.6),
    ]
    assert [link.source for link in got.links] == [(q.start, q.end) for q in got.quotes]
    assert {link.type for link in got.links} == {"speaker"}
    # «داعش» (three times), «بي بي سي» and لـ«رويترز» are names, not quotes
    names = [m.start() + 1 for m in re.finditer("«(داعش|بي بي سي|رويترز)»", SAMPLE)]
    assert len(names) == 5
    assert not {q.start for q in got.quotes} & set(names)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # verb + subject + colon, and a subject after a title
        (
            "قال [كارتر|PER]: «لن نسمح بعودة التنظيم إلى المدينة».",
            ("لن نسمح بعودة التنظيم إلى المدينة", Cue.BEFORE_COLON, "كارتر"),
        ),
        (
            "وقال وزير الخارجية [سامح شكري|PER]: «نرفض أي تدخل في شؤوننا الداخلية».",
            ("نرفض أي تدخل في شؤوننا الداخلية", Cue.BEFORE_COLON, "سامح شكري"),
        ),
        # feminine, with tashkeel and without hamza
        (
            "وقالَتْ [هيلاري كلينتون|PER]: «علينا أن نعمل معاً من أجل السلام».",
            ("علينا أن نعمل معاً من أجل السلام", Cue.BEFORE_COLON, "هيلاري كلينتون"),
        ),
        (
            "واضاف [لافروف|PER]: «موسكو لن تغير موقفها من الأزمة».",
            ("موسكو لن تغير موقفها من الأزمة", Cue.BEFORE_COLON, "لافروف"),
        ),
        (
            "وصرّح [أردوغان|PER] بأن «العملية ستستمر حتى تحقيق أهدافها».",
            ("العملية ستستمر حتى تحقيق أهدافها", Cue.BEFORE_THAT, "أردوغان"),
        ),
        # إن / أن after the subject and an adjunct
        (
            "وأكد [لافروف|PER] في مؤتمر صحفي أن «الحوار هو الطريق الوحيد للحل».",
            ("الحوار هو الطريق الوحيد للحل", Cue.BEFORE_THAT, "لافروف"),
        ),
        (
            "وأشار [البنك الدولي|ORG] إلى أن «النمو سيتباطأ في العام المقبل».",
            ("النمو سيتباطأ في العام المقبل", Cue.BEFORE_THAT, "البنك الدولي"),
        ),
        # subject first
        (
            "وفي باريس، [ماكرون|PER] قال إن «فرنسا ستبقى إلى جانب حلفائها دائماً».",
            ("فرنسا ستبقى إلى جانب حلفائها دائماً", Cue.BEFORE_THAT, "ماكرون"),
        ),
        # the verb after the quote
        (
            "«لن نتراجع عن مواقفنا مهما كانت الضغوط»، قالت [ميركل|PER] للصحافيين.",
            ("لن نتراجع عن مواقفنا مهما كانت الضغوط", Cue.AFTER, "ميركل"),
        ),
        # a statement noun: before a colon, and after the quote
        (
            "وجاء في بيان [الخارجية الروسية|ORG]: «ندعو جميع الأطراف إلى ضبط النفس».",
            ("ندعو جميع الأطراف إلى ضبط النفس", Cue.STATEMENT, "الخارجية الروسية"),
        ),
        (
            "«سيتم فتح المعبر أمام المساعدات صباح الغد»، بحسب بيان ل[الجيش|ORG] السوداني.",
            ("سيتم فتح المعبر أمام المساعدات صباح الغد", Cue.STATEMENT_AFTER, "الجيش"),
        ),
        (
            "وأوردت الوكالة ذلك ببيان ل[الخارجية|ORG]: «لا تفاوض قبل وقف إطلاق النار».",
            ("لا تفاوض قبل وقف إطلاق النار", Cue.STATEMENT, "الخارجية"),
        ),
        # a short quote with a colon is a quote
        ("وقال [كارتر|PER]: «لا».", ("لا", Cue.BEFORE_COLON, "كارتر")),
        # a name glued to a preposition before the quote
        (
            "وقال [إيشق|PER] لـ«الشرق الأوسط»: «الحدود ستبقى مغلقة حتى إشعار آخر».",
            ("الحدود ستبقى مغلقة حتى إشعار آخر", Cue.BEFORE_COLON, "إيشق"),
        ),
        # white space inside the marks is not part of the quote
        (
            "قال [كارتر|PER]: «  نحن هنا منذ البداية وسنبقى \n».",
            ("نحن هنا منذ البداية وسنبقى", Cue.BEFORE_COLON, "كارتر"),
        ),
        # a subject after a long title; not one glued to ل (whom it was said to)
        (
            "وقال المتحدث باسم وزارة الخارجية الأميركية [جون كيربي|PER]: «لا تغيير في سياستنا».",
            ("لا تغيير في سياستنا", Cue.BEFORE_COLON, "جون كيربي"),
        ),
        (
            "وقال مسؤول كبير لـ[رويترز|ORG]: «الاتفاق بات قريباً جداً من التوقيع».",
            ("الاتفاق بات قريباً جداً من التوقيع", Cue.BEFORE_COLON, None),
        ),
        (
            "وقال المتحدث الرسمي باسم الحكومة السورية الجديدة [عمران|PER]: «لن نفاوض على ذلك».",
            ("لن نفاوض على ذلك", Cue.BEFORE_COLON, None),
        ),
        # no subject found past a preposition (مصدر في الخارجية), none to carry
        (
            "قال مصدر في [الخارجية|ORG]: «المفاوضات ستستأنف الأسبوع المقبل».",
            ("المفاوضات ستستأنف الأسبوع المقبل", Cue.BEFORE_COLON, None),
        ),
    ],
)
def test_every_cue(marked: str, expected: tuple[str, Cue, str | None]) -> None:
    assert quotes(marked) == [expected]


def test_continuations_carry_the_previous_speaker() -> None:
    marked = (
        "وقال [كارتر|PER]: «سنواصل دعم القوات المحلية في الشمال».\n\n"
        "وأضاف: «الانتصار على التنظيم مسألة وقت لا أكثر».\n\n"
        "وتابع قائلاً: «لن نترك حلفاءنا وحدهم في هذه المعركة».\n\n"
        "وأردف قائلا «لا نية لدينا لإرسال قوات برية».\n\n"
        "وقالت [ميركل|PER] إن «أوروبا تدعم هذا الجهد بكل ما تملك».\n\n"
        "وتابعت: «لكننا ننتظر خطة سياسية واضحة لما بعد الحرب»."
    )
    assert [(speaker, cue) for _, cue, speaker in quotes(marked)] == [
        ("كارتر", Cue.BEFORE_COLON),
        ("كارتر", Cue.BEFORE_COLON),
        ("كارتر", Cue.BEFORE_COLON),
        ("كارتر", Cue.BEFORE_COLON),
        ("ميركل", Cue.BEFORE_THAT),
        ("ميركل", Cue.BEFORE_COLON),
    ]


def test_a_subject_that_is_no_entity_carries_nothing() -> None:
    marked = (
        "قال [كارتر|PER]: «سنواصل دعم القوات المحلية في الشمال».\n\n"
        "وأضاف أيضاً: «المعركة طويلة لكن النصر قريب جداً».\n\n"
        "وقال مصدر في الخارجية: «المفاوضات ستستأنف الأسبوع المقبل».\n\n"
        "وأضاف: «لا موعد محدداً للجولة المقبلة بعد».\n\n"
        "وقال [إيشق|PER]: «الحدود ستبقى مغلقة حتى إشعار آخر».\n\n"
        "«لن نسمح بإقامة كيان على حدودنا الجنوبية»، قال.\n\n"
        "«الوضع الإنساني يزداد سوءاً كل يوم»، قال دبلوماسي غربي.\n\n"
        "«وسنطلب اجتماعاً عاجلاً لمجلس الأمن الدولي»، أضاف.\n\n"
        "وقال [لافروف|PER] في مؤتمر صحفي: «الحوار هو الطريق الوحيد».\n\n"
        "وجاء في البيان: «ندعو جميع الأطراف إلى ضبط النفس».\n\n"
        "وجاء في بيان: «سيتم فتح المعبر صباح الغد أمام المساعدات».\n\n"
        "وأضاف البيان: «الجهود متواصلة على كل المستويات»."
    )
    assert [speaker for _, _, speaker in quotes(marked)] == [
        "كارتر",
        "كارتر",  # أيضاً is no subject
        None,  # مصدر: someone who is no entity
        None,  # and his continuation is not كارتر's
        "إيشق",
        "إيشق",  # «…»، قال.
        None,  # «…»، قال دبلوماسي غربي.
        None,
        "لافروف",
        "لافروف",  # في البيان: the statement already quoted
        None,  # في بيان: another one
        None,
    ]


@pytest.mark.parametrize(
    "marked",
    [
        "أعلن تنظيم «داعش» مسؤوليته عن الهجوم.",
        "وقال [كارتر|PER] إن «داعش» يتراجع في كل مكان.",
        "وقال [إيشق|PER] لـ«رويترز» إن الوضع صعب.",
        "وأكد [كارتر|PER] في حديث مع إذاعة «بي بي سي» أن الحملة مستمرة.",
        "وأشاد [أردوغان|PER] بـ«الجيش السوري الحر» وبـ«قوات درع الفرات» في كلمته.",
        "وأشاد الوزير ب«الدور الكبير لقوات سوريا الديمقراطية في المعركة»، قال [كارتر|PER].",
        "وقدم المحامي بلاغ: «أمام النيابة العامة ضد الشركة الكبرى».",
        "«نص طويل بين علامتين دون أي فعل قول قبله أو بعده».",
        "كتب المتظاهرون على لافتة: «لا للحرب ولا للحصار بعد اليوم».",
        "قال [كارتر|PER]: «هذا كلام لا يغلق أبداً وبعده نص كثير",
        "وقال [كارتر|PER] إن الحملة مستمرة» ثم مضى.",
        "",
        "«»",
        "قال: «   »",
    ],
)
def test_what_is_no_quote(marked: str) -> None:
    assert quotes(marked) == []


def test_nested_marks_make_one_quote() -> None:
    marked = "وقال [كارتر|PER]: «إن تنظيم «داعش» يتراجع في «الرقة» وفي الموصل»."
    assert quotes(marked) == [
        ("إن تنظيم «داعش» يتراجع في «الرقة» وفي الموصل", Cue.BEFORE_COLON, "كارتر")
    ]


def test_an_unclosed_mark_hides_no_quote_after_it() -> None:
    marked = "هنا علامة «مفتوحة لا تغلق. ثم قال [إيشق|PER]: «نحن هنا منذ البداية وسنبقى»."
    assert quotes(marked) == [("نحن هنا منذ البداية وسنبقى", Cue.BEFORE_COLON, "إيشق")]


def test_a_quote_across_a_line_break() -> None:
    marked = "وقال [كارتر|PER]: «السطر الأول من الكلام\nوالسطر الثاني منه»."
    assert quotes(marked) == [
        ("السطر الأول من الكلام\nوالسطر الثاني منه", Cue.BEFORE_COLON, "كارتر")
    ]


def test_a_quote_on_the_line_after_its_cue() -> None:
    marked = "وقال [كارتر|PER]:\n«الحملة ستستمر حتى النهاية بلا توقف»."
    assert quotes(marked) == [("الحملة ستستمر حتى النهاية بلا توقف", Cue.BEFORE_COLON, "كارتر")]


def test_a_cue_never_reaches_across_a_line_break_or_a_sentence() -> None:
    assert quotes("أعلن [كارتر|PER] الخطة\nوالمهم: «الحملة ستستمر حتى النهاية بلا توقف».") == []
    assert quotes("وقال [كارتر|PER] ذلك.\n«الحملة ستستمر حتى النهاية بلا توقف».") == []
    assert quotes("وقال [كارتر|PER] ذلك. إن «الحملة ستستمر حتى النهاية بلا توقف».") == []


@pytest.mark.parametrize(
    "marked",
    [
        'وقال [لافروف|PER]: "يجب أن تتوقف الغارات فوراً ودون شروط".',
        "وقال [لافروف|PER]: “يجب أن تتوقف الغارات فوراً ودون شروط”.",
        "وقال [لافروف|PER]: ”يجب أن تتوقف الغارات فوراً ودون شروط“.",
    ],
)
def test_curly_and_straight_quotes(marked: str) -> None:
    assert quotes(marked) == [("يجب أن تتوقف الغارات فوراً ودون شروط", Cue.BEFORE_COLON, "لافروف")]


def test_existing_quote_spans_and_entity_suggestions() -> None:
    text, spans = article("وقال [كارتر|PER]: «سنواصل دعم القوات المحلية في الشمال».")
    start = text.index("سنواصل")
    end = text.index("»")
    person = spans[0]
    # the speaker from an entity suggestion: its score multiplies the link's
    suggestion = Suggestion(1, person.start, person.end, "PER", "memory", 0.5)
    got = suggest_quotes(1, text, (), [suggestion])
    assert [(q.start, q.end) for q in got.quotes] == [(start, end)]
    assert [(link.target, link.score) for link in got.links] == [((person.start, person.end), 0.45)]
    # the annotator's quote already there: no quote suggested, its speaker still is
    quote = Span(None, 1, start, end, "QUOTE")
    got = suggest_quotes(1, text, [quote, person])
    assert got.quotes == ()
    assert [link.source for link in got.links] == [(start, end)]
    # a quote span of other bounds: nothing for this pair
    other = Span(None, 1, start, end - 3, "QUOTE")
    assert suggest_quotes(1, text, [other, person]) == suggest_quotes(1, "", [])
    # a LOC is no speaker; without a quote label nothing is suggested
    place = Span(None, 1, person.start, person.end, "LOC")
    assert suggest_quotes(1, text, [place]).links == ()
