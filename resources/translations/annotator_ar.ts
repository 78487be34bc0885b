<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>Label key</source>
        <translation>الوسم ذو المفتاح</translation>
    </message>
    <message>
        <source>Exact label key</source>
        <translation>الوسم الدقيق ذو المفتاح</translation>
    </message>
    <message>
        <source>Take annotator</source>
        <translation>اعتماد الموسِّم</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>&amp;لوحة المتابعة…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>ال&amp;وسوم…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <source>Move start boundary left</source>
        <translation>تحريك حدّ البداية إلى اليسار</translation>
    </message>
    <message>
        <source>Move start boundary right</source>
        <translation>تحريك حدّ البداية إلى اليمين</translation>
    </message>
    <message>
        <source>Move end boundary left</source>
        <translation>تحريك حدّ النهاية إلى اليسار</translation>
    </message>
    <message>
        <source>Move end boundary right</source>
        <translation>تحريك حدّ النهاية إلى اليمين</translation>
    </message>
    <message>
        <source>Label all &amp;occurrences</source>
        <translation>وسم كل ال&amp;مواضع</translation>
    </message>
    <message>
        <source>Label all occurrences in the &amp;project</source>
        <translation>وسم كل المواضع في الم&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;Suggest for this document</source>
        <translation>&amp;اقترح لهذا المستند</translation>
    </message>
    <message>
        <source>Suggestion se&amp;ttings…</source>
        <translation>إ&amp;عدادات الاقتراحات…</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>ا&amp;قبل الاقتراح</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>ا&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <source>Accept all suggestions of this document</source>
        <translation>اقبل كل اقتراحات هذا المستند</translation>
    </message>
    <message>
        <source>Reject all suggestions of this document</source>
        <translation>ارفض كل اقتراحات هذا المستند</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>ا&amp;لاتفاق…</translation>
    </message>
    <message>
        <source>&amp;Consistency report…</source>
        <translation>تقرير ا&amp;لاتساق…</translation>
    </message>
    <message>
        <source>Recommender &amp;quality…</source>
        <translation>&amp;جودة المقترِحات…</translation>
    </message>
    <message>
        <source>Train the &amp;model…</source>
        <translation>تدريب ال&amp;نموذج…</translation>
    </message>
    <message>
        <source>Cancel &amp;training</source>
        <translation>إلغاء ال&amp;تدريب</translation>
    </message>
    <message>
        <source>&amp;Pick speaker</source>
        <translation>ا&amp;ختيار المتحدث</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>إزالة المتحدث</translation>
    </message>
    <message>
        <source>&amp;Curate this document</source>
        <translation>&amp;نقِّح هذا المستند</translation>
    </message>
    <message>
        <source>&amp;Merge agreed spans</source>
        <translation>ا&amp;دمج المقاطع المتَّفق عليها</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>Take &amp;neither</source>
        <translation>لا تعتمد أ&amp;يًّا منها</translation>
    </message>
    <message>
        <source>Show my &amp;differences from the curated result</source>
        <translation>اعرض &amp;فروقي عن النتيجة المنقَّحة</translation>
    </message>
    <message>
        <source>&amp;Edit the disagreement (label keys)</source>
        <translation>&amp;عدِّل الخلاف (بمفاتيح الوسوم)</translation>
    </message>
    <message>
        <source>Mark &amp;done and open next</source>
        <translation>تعليم المستند &amp;منجزًا وفتح التالي</translation>
    </message>
    <message>
        <source>Open the most &amp;useful document next</source>
        <translation>فتح المستند الأ&amp;نفع تاليًا</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>Searc&amp;h the project…</source>
        <translation>بحث في الم&amp;شروع…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>الحجم ال&amp;طبيعي</translation>
    </message>
    <message>
        <source>Document &amp;details…</source>
        <translation>&amp;تفاصيل المستند…</translation>
    </message>
    <message>
        <source>&amp;Clitic report…</source>
        <translation>تقرير ال&amp;سوابق…</translation>
    </message>
    <message>
        <source>Show &amp;everyone&apos;s spans</source>
        <translation>إظهار مقاطع ال&amp;جميع</translation>
    </message>
    <message>
        <source>&amp;Keyboard map</source>
        <translation>&amp;خريطة المفاتيح</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;دليل المستخدم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
</context>
<context>
    <name>AgreementChart</name>
    <message>
        <source>Choose a pair in the matrix</source>
        <translation>اختر زوجًا من المصفوفة</translation>
    </message>
    <message>
        <source>F1 per label: {a} and {b}</source>
        <translation>مقياس F1 حسب الوسم: {a} و{b}</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>تطابق تام</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>تداخل</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الكل</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الاختلافات</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <source>Per document</source>
        <translation>حسب المستند</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>الدقة (تطابق تام)</translation>
    </message>
    <message>
        <source>Overlap P</source>
        <translation>الدقة (تداخل)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>الاختلاف</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Comparing the annotators&apos; work…</source>
        <translation>جارٍ مقارنة عمل المُعلِّمين…</translation>
    </message>
    <message>
        <source>nothing to compare</source>
        <translation>لا شيء للمقارنة</translation>
    </message>
    <message>
        <source>{alpha} over {documents} documents, {tokens} tokens</source>
        <translation>{alpha} على {documents} مستند، {tokens} كلمة</translation>
    </message>
    <message>
        <source>Each pair over the documents both have done; A (the row) is the reference. A cell: F1 exact / overlap, then Cohen&apos;s kappa and the documents compared; a click lists that pair&apos;s disagreements. Krippendorff&apos;s alpha: {alpha}.</source>
        <translation>كل زوج على المستندات التي أنهاها كلاهما؛ المرجع هو A (الصف). في الخانة: F1 بالتطابق التام / بالتداخل، ثم كابا كوهين وعدد المستندات المقارنة؛ والنقر يعرض اختلافات ذلك الزوج. ألفا كريبندورف: {alpha}.</translation>
    </message>
    <message>
        <source>Nothing to compare: fewer than two annotators in this project.</source>
        <translation>لا شيء للمقارنة: في هذا المشروع أقل من مُعلِّمَين اثنين.</translation>
    </message>
    <message>
        <source>{f1}
κ {kappa} · {documents} doc.</source>
        <translation>{f1}
{documents} مستند · كابا {kappa}</translation>
    </message>
    <message>
        <source>{a} (A, the reference) and {b} (B)</source>
        <translation>المرجع A هو {a}، وB هو {b}</translation>
    </message>
    <message>
        <source>other label</source>
        <translation>وسم آخر</translation>
    </message>
    <message>
        <source>other boundaries</source>
        <translation>حدود أخرى</translation>
    </message>
    <message>
        <source>only A</source>
        <translation>عند A وحده</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>عند B وحده</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>{n} speaker link(s) removed: they broke the speaker rule</source>
        <translation>أُزيلت روابط المتحدث ({n}): كانت تخالف قاعدة المتحدث</translation>
    </message>
    <message>
        <source>Undone: {action}</source>
        <translation>تم التراجع: {action}</translation>
    </message>
    <message>
        <source>Redone: {action}</source>
        <translation>تمت الإعادة: {action}</translation>
    </message>
    <message>
        <source>No label on key {key}</source>
        <translation>لا وسم على المفتاح {key}</translation>
    </message>
    <message>
        <source>No article is open: import articles first</source>
        <translation>لا مقالة مفتوحة: استورد مقالات أولًا</translation>
    </message>
    <message>
        <source>Select some text or a span first</source>
        <translation>حدِّد نصًا أو مقطعًا أولًا</translation>
    </message>
    <message>
        <source>The selection holds only spaces: no span made</source>
        <translation>التحديد لا يحوي إلا مسافات: لم يُنشأ مقطع</translation>
    </message>
    <message>
        <source>the match found, labelled as it is</source>
        <translation>وُسِمت النتيجة المعثور عليها كما هي</translation>
    </message>
    <message>
        <source>The selection holds only spaces or punctuation: no span made</source>
        <translation>التحديد لا يحوي إلا مسافات أو علامات ترقيم: لم يُنشأ مقطع</translation>
    </message>
    <message>
        <source>proclitic {clitic} and {mark} left out of the span</source>
        <translation>أُخرجت السابقة {clitic} وعلامة {mark} من المقطع</translation>
    </message>
    <message>
        <source>proclitic {clitic} left out of the span</source>
        <translation>أُخرجت السابقة {clitic} من المقطع</translation>
    </message>
    <message>
        <source>That span is already there</source>
        <translation>هذا المقطع موجود من قبل</translation>
    </message>
    <message>
        <source>Label {text} as {label}</source>
        <translation>وسم {text} بـ {label}</translation>
    </message>
    <message>
        <source>The span is already {label}</source>
        <translation>المقطع موسوم بـ {label} من قبل</translation>
    </message>
    <message>
        <source>A {label} span with these bounds is already there</source>
        <translation>يوجد مقطع {label} بهذه الحدود من قبل</translation>
    </message>
    <message>
        <source>Relabel {old} as {new}</source>
        <translation>تغيير الوسم من {old} إلى {new}</translation>
    </message>
    <message>
        <source>Select a span to delete (click it, or Tab)</source>
        <translation>حدِّد مقطعًا لحذفه (انقر عليه، أو اضغط Tab)</translation>
    </message>
    <message>
        <source>Delete {label} {text}</source>
        <translation>حذف {label} {text}</translation>
    </message>
    <message>
        <source>its speaker link removed too</source>
        <translation>وأُزيل رابط المتحدث معه</translation>
    </message>
    <message>
        <source>Select a span to move its boundaries</source>
        <translation>حدِّد مقطعًا لتحريك حدوده</translation>
    </message>
    <message>
        <source>The span cannot get shorter or leave the text</source>
        <translation>لا يمكن أن يقصر المقطع أكثر أو أن يخرج عن النص</translation>
    </message>
    <message>
        <source>Resize {label} to {text}</source>
        <translation>تعديل حدود {label} إلى {text}</translation>
    </message>
    <message>
        <source>No spans in this document yet</source>
        <translation>لا مقاطع في هذا المستند بعد</translation>
    </message>
</context>
<context>
    <name>AnnotatorsMenu</name>
    <message>
        <source>Only mine ({name})</source>
        <translation>مقاطعي فقط ({name})</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>No other annotator in this project</source>
        <translation>لا موسِّم آخر في هذا المشروع</translation>
    </message>
    <message>
        <source>Showing everyone&apos;s spans</source>
        <translation>تُعرض مقاطع الجميع</translation>
    </message>
    <message>
        <source>Showing the spans of: {names}</source>
        <translation>تُعرض مقاطع: {names}</translation>
    </message>
    <message>
        <source>Showing only your spans</source>
        <translation>تُعرض مقاطعك فقط</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>CliticReport</name>
    <message>
        <source>the stem is a span&apos;s text</source>
        <translation>الجذع نصُّ مقطع موسوم</translation>
    </message>
    <message>
        <source>the stem is as frequent a word</source>
        <translation>الجذع كلمة لا تقل تكرارًا</translation>
    </message>
    <message>
        <source>the stem is a number</source>
        <translation>الجذع عدد</translation>
    </message>
</context>
<context>
    <name>CliticReportDialog</name>
    <message>
        <source>Clitic report</source>
        <translation>تقرير السوابق</translation>
    </message>
    <message>
        <source>Split words</source>
        <translation>كلمات فُصلت سوابقها</translation>
    </message>
    <message>
        <source>Corrected by the annotators</source>
        <translation>ما صحّحه الواسمون</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>اقرأ من جديد</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>الكلمة</translation>
    </message>
    <message>
        <source>The spans leave out</source>
        <translation>ما تتركه المقاطع</translation>
    </message>
    <message>
        <source>The analyser leaves out</source>
        <translation>ما يتركه المحلّل</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>أمثلة</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>جارٍ قراءة المشروع…</translation>
    </message>
    <message>
        <source>The report could not be read: {error}</source>
        <translation>تعذّرت قراءة التقرير: {error}</translation>
    </message>
    <message>
        <source>{spans} spans, {considered} of them at a word that can begin with a proclitic ({letters}): {split} split, {corrected} corrected against the analyser.</source>
        <translation>{spans} مقطعًا، منها {considered} تبدأ بكلمة قد تبدأ بسابقة ({letters}): {split} فُصلت سابقتها، و{corrected} صحّحها الواسمون خلافًا للمحلّل.</translation>
    </message>
    <message>
        <source>nothing (whole)</source>
        <translation>لا شيء (كاملة)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>document {d} span {s}</source>
        <translation>المستند {d} المقطع {s}</translation>
    </message>
</context>
<context>
    <name>ConsistencyDialog</name>
    <message>
        <source>Consistency report</source>
        <translation>تقرير الاتساق</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>في سياقه</translation>
    </message>
    <message>
        <source>Looking for texts labelled differently…</source>
        <translation>جارٍ البحث عن نصوص وُسمت بوسوم مختلفة…</translation>
    </message>
    <message>
        <source>No text is labelled differently ({spans} spans compared).</source>
        <translation>لا يوجد نص وُسم بوسوم مختلفة (قورن {spans} مقطعًا).</translation>
    </message>
    <message>
        <source>{n} text(s) labelled differently (by the search key, within a kind), the most spans first, of {spans} spans. Expand one for the places of its other labels; a click opens the place, a label key relabels it, then Refresh.</source>
        <translation>{n} نص (نصوص) وُسمت بوسوم مختلفة (بمفتاح البحث، داخل النوع الواحد)، الأكثر مقاطع أولًا، من {spans} مقطعًا. افتح نصًّا لترى مواضع وسومه الأخرى؛ النقر يفتح الموضع، ومفتاح الوسم يعيد وسمه، ثم «تحديث».</translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <source>Open a document to curate it</source>
        <translation>افتح مستندًا لتنقِّحه</translation>
    </message>
    <message>
        <source>Curation needs the spans of two annotators or more; this document has {n}</source>
        <translation>يحتاج التنقيح إلى مقاطع موسِّمَين أو أكثر؛ في هذا المستند {n}</translation>
    </message>
    <message>
        <source>Curating as {curator}: {open} of {n} disagreements open</source>
        <translation>تنقيح باسم {curator}: {open} من {n} خلافات مفتوحة</translation>
    </message>
    <message>
        <source>End the curation first</source>
        <translation>أنهِ التنقيح أولًا</translation>
    </message>
    <message>
        <source>Open a document, as an annotator other than the curator</source>
        <translation>افتح مستندًا، باسم موسِّم غير المنقِّح</translation>
    </message>
    <message>
        <source>{curator} has no spans in this document: nothing curated yet</source>
        <translation>ليس لـ{curator} مقاطع في هذا المستند: لم يُنقَّح بعد</translation>
    </message>
    <message>
        <source>{n} differences of yours from the curated result of {curator}</source>
        <translation>{n} فروق بين عملك والنتيجة المنقَّحة لـ{curator}</translation>
    </message>
    <message>
        <source>Curation ended: working as {name}</source>
        <translation>انتهى التنقيح: العمل الآن باسم {name}</translation>
    </message>
    <message>
        <source>Read only: these are your differences from the curated result</source>
        <translation>للقراءة فقط: هذه فروقك عن النتيجة المنقَّحة</translation>
    </message>
    <message>
        <source>Select a disagreement first (Next disagreement)</source>
        <translation>اختر خلافًا أولًا (الخلاف التالي)</translation>
    </message>
    <message>
        <source>Start curating first: Project ▸ Curation ▸ Curate this document</source>
        <translation>ابدأ التنقيح أولًا: مشروع ← التنقيح ← نقِّح هذا المستند</translation>
    </message>
    <message>
        <source>No open disagreement: all {n} resolved</source>
        <translation>لا خلاف مفتوحًا: حُسمت كلها ({n})</translation>
    </message>
    <message>
        <source>Label the selection with a label key: it becomes the curator&apos;s</source>
        <translation>وسِّم التحديد بمفتاح وسم: يصير من عمل المنقِّح</translation>
    </message>
    <message>
        <source>This disagreement has {n} annotators</source>
        <translation>في هذا الخلاف {n} موسِّمين</translation>
    </message>
    <message>
        <source>Take neither at {text}</source>
        <translation>لا اعتماد عند {text}</translation>
    </message>
    <message>
        <source>Take {name}&apos;s spans at {text}</source>
        <translation>اعتماد مقاطع {name} عند {text}</translation>
    </message>
    <message>
        <source>Nothing to merge: the curator has every agreed span already</source>
        <translation>لا شيء للدمج: عند المنقِّح كل مقطع متَّفق عليه</translation>
    </message>
    <message>
        <source>Merge {n} agreed spans as {curator}</source>
        <translation>دمج {n} مقاطع متَّفق عليها باسم {curator}</translation>
    </message>
</context>
<context>
    <name>CurationMenu</name>
    <message>
        <source>Take annotator {n}&apos;s spans</source>
        <translation>اعتمد مقاطع الموسِّم {n}</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>{key}: next disagreement</source>
        <translation>{key}: الخلاف التالي</translation>
    </message>
    <message>
        <source>{key}: previous</source>
        <translation>{key}: السابق</translation>
    </message>
    <message>
        <source>{key}…: take annotator 1…</source>
        <translation>{key}…: اعتماد الموسِّم 1…</translation>
    </message>
    <message>
        <source>{key}: take neither</source>
        <translation>{key}: لا اعتماد</translation>
    </message>
    <message>
        <source>{key}: edit with the label keys</source>
        <translation>{key}: التعديل بمفاتيح الوسوم</translation>
    </message>
    <message>
        <source>{key}: merge agreed</source>
        <translation>{key}: دمج المتَّفق عليه</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Documents by status</source>
        <translation>الوثائق حسب الحالة</translation>
    </message>
    <message>
        <source>Agreement (F1)</source>
        <translation>الاتفاق (F1)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>تطابق تام</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>تداخل</translation>
    </message>
    <message>
        <source>Spans by label</source>
        <translation>المقاطع حسب الوسم</translation>
    </message>
    <message>
        <source>days since {first}</source>
        <translation>أيام منذ {first}</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Documents done by day</source>
        <translation>الوثائق المنجزة يومًا بيوم</translation>
    </message>
    <message>
        <source>Spans made by day</source>
        <translation>المقاطع المنشأة يومًا بيوم</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Counted as the project stands: a document done and reopened since, or a span removed since, is not counted on its day.</source>
        <translation>العدّ على حال المشروع الآن: الوثيقة التي أُنجزت ثم أعيد فتحها، أو المقطع الذي حُذف بعد إنشائه، لا يُحسب في يومه.</translation>
    </message>
    <message>
        <source>{documents} document(s), {spans} span(s), {relations} relation(s), {annotators} annotator(s).</source>
        <translation>{documents} وثيقة، {spans} مقطعًا، {relations} علاقة، {annotators} موسِّمًا.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Documents done, running total</source>
        <translation>الوثائق المنجزة، مجموع تراكمي</translation>
    </message>
    <message>
        <source>Spans made, running total</source>
        <translation>المقاطع المنشأة، مجموع تراكمي</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>No document is marked done by two annotators yet: agreement compares the documents both of a pair have done.</source>
        <translation>لم يُنجز موسِّمان أي وثيقة بعد: الاتفاق يقارن الوثائق التي أنجزها كلا الزوج.</translation>
    </message>
    <message>
        <source>Each pair over the documents both marked done. Krippendorff&apos;s α {alpha} on {documents} document(s). Every figure: Project → Team → Agreement…</source>
        <translation>كل زوج على الوثائق التي أنجزها كلاهما. ألفا كريبندورف {alpha} على {documents} وثيقة. كل الأرقام: مشروع ← الفريق ← الاتفاق…</translation>
    </message>
</context>
<context>
    <name>DisagreementsPanel</name>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>neither taken</source>
        <translation>لم يُعتمد أيٌّ منها</translation>
    </message>
    <message>
        <source>{name} taken</source>
        <translation>اعتُمد {name}</translation>
    </message>
    <message>
        <source>the curator&apos;s span</source>
        <translation>مقطع المنقِّح</translation>
    </message>
    <message>
        <source>Not curating</source>
        <translation>لا تنقيح جارٍ</translation>
    </message>
    <message>
        <source>Where {name}&apos;s spans (1) and the curated result of {curator} (2) differ: {n}</source>
        <translation>مواضع اختلاف مقاطع {name} (1) عن النتيجة المنقَّحة لـ{curator} (2): {n}</translation>
    </message>
    <message>
        <source>Curator {curator} ({strategy}): {open} of {n} disagreements open</source>
        <translation>المنقِّح {curator} ({strategy}): {open} من {n} خلافات مفتوحة</translation>
    </message>
    <message>
        <source>merged by majority</source>
        <translation>دُمج ما اتفقت عليه الأغلبية</translation>
    </message>
    <message>
        <source>merged where all agree</source>
        <translation>دُمج ما اتفق عليه الجميع</translation>
    </message>
</context>
<context>
    <name>DocumentDetails</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>عدد المحارف</translation>
    </message>
    <message>
        <source>SHA-256 of the text</source>
        <translation>بصمة SHA-256 للنص</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>القاعدة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Other metadata</source>
        <translation>بيانات وصفية أخرى</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>تفاصيل المستند</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>لا مستند مفتوح.</translation>
    </message>
    <message>
        <source>Document details: {title}</source>
        <translation>تفاصيل المستند: {title}</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(غير مذكور)</translation>
    </message>
    <message>
        <source>Lines dropped at import as a news site&apos;s boilerplate: {n}</source>
        <translation>أسطر حُذفت عند الاستيراد لأنها من حشو موقع الأخبار: {n}</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>اليقين</translation>
    </message>
    <message>
        <source>How sure the project&apos;s model is of the document, from 0 to 1: sorted, the least sure comes first, the most useful to annotate next (empty: not scored)</source>
        <translation>مدى يقين نموذج المشروع من المستند، من 0 إلى 1: عند الفرز يأتي الأقل يقينًا أولًا، وهو الأنفع للتوسيم تاليًا (فارغ: لم يُقيَّم)</translation>
    </message>
    <message>
        <source>Click to sort by this column; again for the other way, a third time for the order of import</source>
        <translation>انقر للترتيب حسب هذا العمود، ومرة ثانية لعكس الترتيب، ومرة ثالثة للعودة إلى ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>(untitled {id})</source>
        <translation>(بلا عنوان {id})</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Filter by title</source>
        <translation>تصفية حسب العنوان</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
</context>
<context>
    <name>EmptyProjectHint</name>
    <message>
        <source>This project has no articles yet.

Add some with Project → Import articles… ({keys}): text files, a folder, or one article pasted with its title. Or open the sample project, a news article to try the keys on.</source>
        <translation>لا مقالات في هذا المشروع بعد.

أضف بعضها من مشروع ← استيراد مقالات… ({keys}): ملفات نصية، أو مجلدًا، أو مقالًا واحدًا تلصقه مع عنوانه. أو افتح المشروع التجريبي، وفيه مقال إخباري تجرّب عليه المفاتيح.</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The project is being written by another program (for example an import). Try again in a moment.</source>
        <translation>برنامج آخر يكتب في المشروع الآن (عملية استيراد مثلًا). حاول مرة أخرى بعد لحظات.</translation>
    </message>
    <message>
        <source>The project file cannot be written (read-only, disk full or removed). Nothing was changed.</source>
        <translation>تتعذّر الكتابة في ملف المشروع (للقراءة فقط، أو القرص ممتلئ، أو أُزيل الملف). لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Not changed: this is {owner}&apos;s work. Another annotator&apos;s spans are shown to compare, not to edit: select the text and label it to make a span of your own.</source>
        <translation>لم يتغير شيء: هذا من عمل {owner}. تُعرض مقاطع الموسِّمين الآخرين للمقارنة لا للتحرير: حدِّد النص ووسِّمه لتصنع مقطعًا خاصًا بك.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ التعديل: {reason}</translation>
    </message>
    <message>
        <source>Not undone: {action}. Another window or program has changed it since; this step was taken out of the undo history.</source>
        <translation>لم يُتراجَع عن: {action}. غيّرته نافذة أو برنامج آخر منذ ذلك الحين؛ فأُخرجت هذه الخطوة من سجل التراجع.</translation>
    </message>
    <message>
        <source>Not redone: {action}. Another window or program has changed it since; this step was taken out of the undo history.</source>
        <translation>لم تُعَد: {action}. غيّرته نافذة أو برنامج آخر منذ ذلك الحين؛ فأُخرجت هذه الخطوة من سجل التراجع.</translation>
    </message>
    <message>
        <source>Another program removed the project&apos;s journal file while this window had the project open. The project was opened again from the file and the article shows what it holds: if your last action is not there, do it again.</source>
        <translation>حذف برنامج آخر ملف سجلّ المشروع بينما كان المشروع مفتوحًا في هذه النافذة. فُتح المشروع من الملف من جديد، والمقال يعرض ما يحويه الملف: إن لم يكن إجراؤك الأخير فيه فأعِده.</translation>
    </message>
    <message>
        <source>The project cannot be opened.</source>
        <translation>يتعذّر فتح المشروع.</translation>
    </message>
    <message>
        <source>The document is no longer in the project.</source>
        <translation>لم يعد هذا المستند في المشروع.</translation>
    </message>
    <message>
        <source>The document cannot be opened.</source>
        <translation>يتعذّر فتح المستند.</translation>
    </message>
    <message>
        <source>The export cannot be written into {folder}: the folder is read-only, or you may not write there. Nothing was written; choose another folder.</source>
        <translation>يتعذّر كتابة التصدير في {folder}: المجلد للقراءة فقط، أو لا يحق لك الكتابة فيه. لم يُكتب شيء؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>The export cannot be written into {folder}: the disk is full. Nothing was written; make room or choose another folder.</source>
        <translation>يتعذّر كتابة التصدير في {folder}: القرص ممتلئ. لم يُكتب شيء؛ أفرغ مساحة أو اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>The export cannot be written into {folder}: a file or folder of that name is in the way. Nothing was written; choose another folder.</source>
        <translation>يتعذّر كتابة التصدير في {folder}: يعترضه ملف أو مجلد بهذا الاسم. لم يُكتب شيء؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>The export cannot be written into {folder}. Nothing was written.</source>
        <translation>يتعذّر كتابة التصدير في {folder}. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>لم يُصدَّر شيء: {reason}</translation>
    </message>
    <message>
        <source>Not exported: no label is checked. Check the labels to export.</source>
        <translation>لم يُصدَّر شيء: لم تُحدَّد أي تسمية. حدِّد التسميات المراد تصديرها.</translation>
    </message>
    <message>
        <source>Not exported: the project has no label {labels} (any more: another program may have renamed it). Close the dialog and export again.</source>
        <translation>لم يُصدَّر شيء: لا توجد في المشروع تسمية {labels} (لم تعد موجودة: ربما أعاد برنامج آخر تسميتها). أغلق النافذة وأعد التصدير.</translation>
    </message>
    <message>
        <source>Nothing to export: the project has no documents. Nothing was written.</source>
        <translation>لا شيء للتصدير: لا مستندات في المشروع. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Nothing to export: no document matches the filters ({filters}). Nothing was written; the files already in the folder are as they were.</source>
        <translation>لا شيء للتصدير: لا مستند يطابق المرشِّحات ({filters}). لم يُكتب شيء، والملفات الموجودة في المجلد باقية كما كانت.</translation>
    </message>
    <message>
        <source>Nothing to export: no span matches the filters ({filters}). Nothing was written; the files already in the folder are as they were.</source>
        <translation>لا شيء للتصدير: لا مقطع يطابق المرشِّحات ({filters}). لم يُكتب شيء، والملفات الموجودة في المجلد باقية كما كانت.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>whole tokens (ANERcorp style, widens spans)</source>
        <translation>كلمات كاملة (على طريقة ANERcorp، يوسّع المقاطع)</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>every annotator</source>
        <translation>كل الموسِّمين</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Layer (one-layer formats):</source>
        <translation>الطبقة (للصيغ ذات الطبقة الواحدة):</translation>
    </message>
    <message>
        <source>Tag scheme:</source>
        <translation>مخطط الوسوم:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>الكلمات:</translation>
    </message>
    <message>
        <source>Documents with status:</source>
        <translation>المستندات ذات الحالة:</translation>
    </message>
    <message>
        <source>Spans of:</source>
        <translation>مقاطع:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>في المجلد:</translation>
    </message>
    <message>
        <source>split off every proclitic the analyser finds</source>
        <translation>فصل كل سابقة يجدها المحلل</translation>
    </message>
    <message>
        <source>cut at span edges (exact, but the tokens tell the labels)</source>
        <translation>القطع عند حدود المقاطع (دقيق، لكن الوحدات تكشف التسميات)</translation>
    </message>
    <message>
        <source>How token formats (CoNLL, spaCy) cut the text. Whole tokens: a span is tagged on every token it touches, as in ANERcorp. Split off proclitics: و ب ل ك ف are cut from every word the clitic analyser splits, labelled or not, so most spans stay exact. Cut at span edges: every span exact, but a lone و then tells a model that an entity follows; use it only to check spans, not to train.</source>
        <translation>كيف تقطع صيغ الوحدات (CoNLL وspaCy) النص. وحدات كاملة: يوسم المقطع على كل وحدة يمسها، كما في ANERcorp. فصل السوابق: تفصل و ب ل ك ف عن كل كلمة يقسمها محلل السوابق، موسومة كانت أم لا، فتبقى أغلب المقاطع دقيقة. القطع عند حدود المقاطع: كل مقطع دقيق، لكن الواو المنفردة تخبر النموذج حينئذ بأن كيانًا يليها؛ استعمله لفحص المقاطع فقط، لا للتدريب.</translation>
    </message>
    <message>
        <source>the tokens were cut only where a span starts or ends (و | الرقة, but وقال whole), so they tell where the entities are: a model trained on them learns a cue that never exists when it is used. Export whole tokens or split off proclitics for training data.</source>
        <translation>قُطعت الوحدات حيث يبدأ مقطع أو ينتهي فقط (و | الرقة، لكن وقال كاملة)، فهي تكشف مواضع الكيانات: النموذج المدرَّب عليها يتعلم إشارة لا توجد أبدًا عند استعماله. صدّر وحدات كاملة أو افصل السوابق لبيانات التدريب.</translation>
    </message>
    <message>
        <source>The {format} format does not use this option.</source>
        <translation>لا تستعمل صيغة {format} هذا الخيار.</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>Format: {name}</source>
        <translation>الصيغة: {name}</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>المستندات: {n}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>تنبيه: {text}</translation>
    </message>
    <message>
        <source>Filters: {filters}</source>
        <translation>عوامل التصفية: {filters}</translation>
    </message>
    <message>
        <source>Spans: {n}</source>
        <translation>المقاطع: {n}</translation>
    </message>
    <message>
        <source>Proclitics split off words: {n}</source>
        <translation>السوابق المفصولة عن الكلمات: {n}</translation>
    </message>
    <message>
        <source>Spans widened to whole tokens: {n}</source>
        <translation>مقاطع وُسِّعت إلى كلمات كاملة: {n}</translation>
    </message>
    <message>
        <source>Spans this format cannot hold: {n}</source>
        <translation>مقاطع لا تتسع لها هذه الصيغة: {n}</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>الملفات:</translation>
    </message>
    <message>
        <source>status: {status}</source>
        <translation>الحالة: {status}</translation>
    </message>
    <message>
        <source>annotator: {name}</source>
        <translation>الموسِّم: {name}</translation>
    </message>
    <message>
        <source>labels: {names}</source>
        <translation>الوسوم: {names}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Written into {folder}</source>
        <translation>كُتبت الملفات في {folder}</translation>
    </message>
    <message>
        <source>The {format} format is not offered: it needs the Python package {package}, which is not installed here. To install it:</source>
        <translation>لا تُعرض صيغة {format}: تحتاج إلى حزمة بايثون {package}، وهي غير مثبّتة هنا. لتثبيتها:</translation>
    </message>
    <message>
        <source>Left out by the filters: {spans} span(s) and {relations} relation(s)</source>
        <translation>ما استبعدته عوامل التصفية: {spans} مقطع و{relations} علاقة</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>أُلغي التصدير: لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Export again</source>
        <translation>تصدير مرة أخرى</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>ملف {suffix}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <source>ignores tashkeel, tatweel and hamza forms</source>
        <translation>يتجاهل التشكيل والتطويل وصور الهمزة</translation>
    </message>
    <message>
        <source>Previous match ({keys})</source>
        <translation>النتيجة السابقة ({keys})</translation>
    </message>
    <message>
        <source>Next match ({keys})</source>
        <translation>النتيجة التالية ({keys})</translation>
    </message>
    <message>
        <source>Close ({keys})</source>
        <translation>إغلاق ({keys})</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>نتيجة واحدة</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>النتائج: {n}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <source>Plain text, news-please JSON, JSONL, CoNLL, brat, doccano or Label Studio files; a folder is read with everything inside it.</source>
        <translation>ملفات نص عادي أو news-please JSON أو JSONL أو CoNLL أو brat أو doccano أو Label Studio؛ ويُقرأ المجلد بكل ما فيه.</translation>
    </message>
    <message>
        <source>found from each file (extension and content)</source>
        <translation>تُعرف من كل ملف (الامتداد والمحتوى)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>The spans are:</source>
        <translation>المقاطع:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
    <message>
        <source>Files or a folder</source>
        <translation>ملفات أو مجلد</translation>
    </message>
    <message>
        <source>Paste an article</source>
        <translation>لصق مقال</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>of the annotators the file names (those naming none: {name})</source>
        <translation>لمن يسمّيهم الملف من الموسِّمين (وما لا يسمّي أحدًا: {name})</translation>
    </message>
    <message>
        <source>mine, all of them ({name})</source>
        <translation>كلها لي ({name})</translation>
    </message>
    <message>
        <source>all of another annotator:</source>
        <translation>كلها لموسِّم آخر:</translation>
    </message>
    <message>
        <source>name, e.g. ANERcorp</source>
        <translation>الاسم، مثل ANERcorp</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>الملفات المراد استيرادها</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>المجلد المراد استيراده</translation>
    </message>
    <message>
        <source>{error} (a bug in this program; the details are in its log)</source>
        <translation>{error} (خلل في البرنامج؛ التفاصيل في سجله)</translation>
    </message>
    <message>
        <source>Add files or a folder first.</source>
        <translation>أضف ملفات أو مجلدًا أولًا.</translation>
    </message>
    <message>
        <source>Type the name of the annotator first.</source>
        <translation>اكتب اسم الموسِّم أولًا.</translation>
    </message>
    <message>
        <source>choose its format in the Format list and import it again</source>
        <translation>اختر صيغته من قائمة «الصيغة» واستورده من جديد</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Reading {name} (file {n} of {total})…</source>
        <translation>قراءة {name} (الملف {n} من {total})…</translation>
    </message>
    <message>
        <source>Paste the article first.</source>
        <translation>الصق المقال أولًا.</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>توقّف الاستيراد: {reason}</translation>
    </message>
    <message>
        <source>Imported: {n}</source>
        <translation>المستورد: {n}</translation>
    </message>
    <message>
        <source>Skipped as duplicates: {n}</source>
        <translation>المتروك لأنه مكرر: {n}</translation>
    </message>
    <message>
        <source>Refused: {n}</source>
        <translation>المرفوض: {n}</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
</context>
<context>
    <name>KeyboardMap</name>
    <message>
        <source>Keyboard map</source>
        <translation>خريطة المفاتيح</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Change a key in the settings file, under [shortcuts]: the action&apos;s id and its keys, e.g. {example} (the README says where the file is).</source>
        <translation>لتغيير مفتاح، عدّل ملف الإعدادات تحت [shortcuts]: معرّف الإجراء ثم مفاتيحه، مثل {example} (يذكر ملف README مكان الملف).</translation>
    </message>
</context>
<context>
    <name>LabelAll</name>
    <message>
        <source>No article is open: import articles first</source>
        <translation>لا مقالة مفتوحة: استورد مقالات أولًا</translation>
    </message>
    <message>
        <source>Select a span first (label a word, or click a span)</source>
        <translation>حدِّد مقطعًا أولًا (اوسم كلمة، أو انقر على مقطع)</translation>
    </message>
    <message>
        <source>No other occurrence of {text} without a span of its kind</source>
        <translation>لا موضع آخر لـ{text} بلا مقطع من نوعه</translation>
    </message>
    <message>
        <source>Label {n} more occurrence(s) of {text} as {label}</source>
        <translation>وُسمت مواضع أخرى لـ{text} بوسم {label}: {n}</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>متحدث</translation>
    </message>
    <message>
        <source>May be the speaker of a quote (entity labels only)</source>
        <translation>يمكن أن يكون متحدث اقتباس (وسوم الكيانات فقط)</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>إضافة وسم</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>إزالة الوسم</translation>
    </message>
    <message>
        <source>Entity labels colour the text, event labels underline it, quote labels draw a bar beside it. Keys 1–9 label the selection. A quote&apos;s speaker is an entity of a label ticked under Speaker.</source>
        <translation>وسوم الكيانات تلوّن النص، ووسوم الأحداث تضع تحته خطًا، ووسوم الاقتباس ترسم شريطًا بجانبه. المفاتيح 1–9 تَسِم التحديد. متحدث الاقتباس كيانٌ من وسمٍ مؤشَّر عليه في عمود «متحدث».</translation>
    </message>
    <message>
        <source>none</source>
        <translation>بلا</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NEW</translation>
    </message>
    <message>
        <source>{label} is used by {n} span(s): relabel or delete them first; the label stays.</source>
        <translation>الوسم {label} مستخدم في {n} من المقاطع: غيِّر وسمها أو احذفها أولًا؛ يبقى الوسم.</translation>
    </message>
    <message>
        <source>Two labels have the same name: {name}.</source>
        <translation>وسمان لهما الاسم نفسه: {name}.</translation>
    </message>
    <message>
        <source>Two labels have the same key {key}: {labels}.</source>
        <translation>وسمان لهما المفتاح نفسه {key}: {labels}.</translation>
    </message>
    <message>
        <source>Every label needs a name.</source>
        <translation>يحتاج كل وسم إلى اسم.</translation>
    </message>
    <message>
        <source>A label name has at most {n} characters.</source>
        <translation>لا يتجاوز اسم الوسم {n} حرفًا.</translation>
    </message>
    <message>
        <source>A label name cannot hold spaces or line breaks.</source>
        <translation>لا يجوز أن يحوي اسم الوسم مسافات أو فواصل أسطر.</translation>
    </message>
    <message>
        <source>A label name cannot hold control characters.</source>
        <translation>لا يجوز أن يحوي اسم الوسم محارف تحكم.</translation>
    </message>
    <message>
        <source>A label name cannot hold direction marks or bidi controls.</source>
        <translation>لا يجوز أن يحوي اسم الوسم علامات اتجاه أو محارف تحكم ثنائية الاتجاه.</translation>
    </message>
    <message>
        <source>A label name cannot hold invisible characters.</source>
        <translation>لا يجوز أن يحوي اسم الوسم محارف غير مرئية.</translation>
    </message>
    <message>
        <source>A label name cannot hold noncharacters such as U+FFFE.</source>
        <translation>لا يجوز أن يحوي اسم الوسم لامحارف مثل U+FFFE.</translation>
    </message>
    <message>
        <source>A label name cannot hold unassigned or private-use characters.</source>
        <translation>لا يجوز أن يحوي اسم الوسم محارف غير مخصصة أو محارف للاستخدام الخاص.</translation>
    </message>
    <message>
        <source>A label name cannot begin with a combining mark (such as a tashkeel mark).</source>
        <translation>لا يجوز أن يبدأ اسم الوسم بعلامة مركّبة (كعلامة تشكيل).</translation>
    </message>
    <message>
        <source>Change {n} labels</source>
        <translation>تعديل الوسوم ({n})</translation>
    </message>
    <message>
        <source>Add label {label}</source>
        <translation>إضافة الوسم {label}</translation>
    </message>
    <message>
        <source>Remove label {label}</source>
        <translation>حذف الوسم {label}</translation>
    </message>
    <message>
        <source>Rename label {old} to {new}</source>
        <translation>إعادة تسمية الوسم {old} إلى {new}</translation>
    </message>
    <message>
        <source>Change label {label}</source>
        <translation>تعديل الوسم {label}</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>{name}: {kind}</source>
        <translation>{name}: {kind}</translation>
    </message>
    <message>
        <source>Key {key} labels the selection; {exact} keeps it exact</source>
        <translation>المفتاح {key} يَسِم التحديد؛ و{exact} يبقيه كما هو بالضبط</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Label as {label}</source>
        <translation>وسم بـ {label}</translation>
    </message>
    <message>
        <source>Label exactly as {label}</source>
        <translation>وسم دقيق بـ {label}</translation>
    </message>
    <message>
        <source>Picking the speaker cancelled</source>
        <translation>أُلغي اختيار المتحدث</translation>
    </message>
    <message>
        <source>{project} — Annotator</source>
        <translation>{project} — أداة التوسيم</translation>
    </message>
    <message>
        <source>{project}: {document} — Annotator</source>
        <translation>{project}: {document} — أداة التوسيم</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;مشروع</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>ت&amp;وسيم</translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Label selection</source>
        <translation>&amp;وسم التحديد</translation>
    </message>
    <message>
        <source>Label e&amp;xactly (no snapping)</source>
        <translation>وسم د&amp;قيق (دون ضبط الحدود)</translation>
    </message>
    <message>
        <source>A&amp;nnotators</source>
        <translation>ال&amp;موسِّمون</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>C&amp;uration</source>
        <translation>ال&amp;تنقيح</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Pick speaker ({key})</source>
        <translation>اختيار المتحدث ({key})</translation>
    </message>
    <message>
        <source>Remove speaker</source>
        <translation>إزالة المتحدث</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}؛ {second}</translation>
    </message>
</context>
<context>
    <name>ModelScoring</name>
    <message>
        <source>The documents were not scored: {reason}</source>
        <translation>لم تُقيَّم المستندات: {reason}</translation>
    </message>
    <message>
        <source>The model scored {count} documents for Open the most useful</source>
        <translation>قيّم النموذج {count} مستندًا لفتح الأنفع</translation>
    </message>
    <message>
        <source>{key} opens the document the model is least sure of</source>
        <translation>{key} يفتح المستند الذي يكون النموذج أقل يقينًا منه</translation>
    </message>
    <message>
        <source>{key} opens the next unfinished document in list order</source>
        <translation>{key} يفتح المستند التالي غير المنجز بترتيب القائمة</translation>
    </message>
</context>
<context>
    <name>ModelTraining</name>
    <message>
        <source>Model: trained on {spans} spans in {documents} documents at {time} ({f1})</source>
        <translation>النموذج: دُرِّب على {spans} مقطعًا في {documents} مستندات في {time} ({f1})</translation>
    </message>
    <message>
        <source>Model: training…</source>
        <translation>النموذج: قيد التدريب…</translation>
    </message>
    <message>
        <source>Model: failed: {reason}</source>
        <translation>النموذج: فشل التدريب: {reason}</translation>
    </message>
    <message>
        <source>Model: the stored model cannot be read: train it again</source>
        <translation>النموذج: تتعذّر قراءة النموذج المحفوظ: درِّبه من جديد</translation>
    </message>
    <message>
        <source>Model: none trained yet</source>
        <translation>النموذج: لم يُدرَّب بعد</translation>
    </message>
    <message>
        <source>The model is being trained already</source>
        <translation>النموذج قيد التدريب بالفعل</translation>
    </message>
    <message>
        <source>New spans: training the model again in the background</source>
        <translation>مقاطع جديدة: يُعاد تدريب النموذج في الخلفية</translation>
    </message>
    <message>
        <source>Training the model in the background; the keys keep working</source>
        <translation>يُدرَّب النموذج في الخلفية؛ المفاتيح تعمل كالمعتاد</translation>
    </message>
    <message>
        <source>Model: training… (fold {fold} of {folds})</source>
        <translation>النموذج: قيد التدريب… (الطيّة {fold} من {folds})</translation>
    </message>
    <message>
        <source>Training cancelled: the stored model is as it was</source>
        <translation>أُلغي التدريب: النموذج المحفوظ كما كان</translation>
    </message>
    <message>
        <source>Training failed: {reason}</source>
        <translation>فشل التدريب: {reason}</translation>
    </message>
    <message>
        <source>{trained}; the model recommender is switched on</source>
        <translation>{trained}؛ وشُغِّل مقترِح النموذج</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Spans and progress are recorded under the annotator&apos;s name, so that several people can annotate one project. What is your name?</source>
        <translation>تُسجَّل المقاطع والتقدّم باسم الموسِّم، ليتمكّن عدة أشخاص من توسيم مشروع واحد. ما اسمك؟</translation>
    </message>
    <message>
        <source>e.g. Maryam Haddad</source>
        <translation>مثلًا: مريم حداد</translation>
    </message>
    <message>
        <source>You can change it in Edit → Settings…</source>
        <translation>يمكنك تغييره من تحرير ← الإعدادات…</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>This is the last document</source>
        <translation>هذا آخر مستند</translation>
    </message>
    <message>
        <source>This is the first document</source>
        <translation>هذا أول مستند</translation>
    </message>
    <message>
        <source>Mark {title} done</source>
        <translation>تعليم {title} منجزًا</translation>
    </message>
    <message>
        <source>Done. Every document is done.</source>
        <translation>تم. أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <source>Marked done; opened the next unfinished document</source>
        <translation>عُلِّم منجزًا؛ وفُتح المستند التالي غير المنجز</translation>
    </message>
    <message>
        <source>Marked done; opened the document the model is least sure of (certainty {certainty})</source>
        <translation>عُلِّم منجزًا؛ وفُتح المستند الذي يكون النموذج أقل يقينًا منه (اليقين {certainty})</translation>
    </message>
    <message>
        <source>Marked done; no model is trained yet, so the next unfinished document in list order was opened</source>
        <translation>عُلِّم منجزًا؛ لم يُدرَّب نموذج بعد، ففُتح المستند التالي غير المنجز بترتيب القائمة</translation>
    </message>
    <message>
        <source>Marked done; the model has not scored the unfinished documents yet, so the next one in list order was opened</source>
        <translation>عُلِّم منجزًا؛ لم يقيّم النموذج المستندات غير المنجزة بعد، ففُتح التالي بترتيب القائمة</translation>
    </message>
</context>
<context>
    <name>ProjectLabelAll</name>
    <message>
        <source>Finding {text} in every article…</source>
        <translation>البحث عن {text} في كل المقالات…</translation>
    </message>
    <message>
        <source>No other occurrence of {text} in the project without a span of its kind</source>
        <translation>لا موضع آخر لـ {text} في المشروع بلا مقطع من نوعه</translation>
    </message>
    <message>
        <source>Label {n} occurrence(s) of {text} as {label} in {m} document(s)</source>
        <translation>وسم {n} موضعًا لـ {text} بوسم {label} في {m} مستندًا</translation>
    </message>
    <message>
        <source>Labelled {n} occurrences in {m} documents</source>
        <translation>وُسم {n} موضعًا في {m} مستندًا</translation>
    </message>
</context>
<context>
    <name>ProjectSearch</name>
    <message>
        <source>Search the project</source>
        <translation>البحث في المشروع</translation>
    </message>
    <message>
        <source>Type a word or a name to search for</source>
        <translation>اكتب كلمة أو اسمًا للبحث عنه</translation>
    </message>
    <message>
        <source>Searching every document for {text}…</source>
        <translation>البحث عن {text} في كل المستندات…</translation>
    </message>
    <message>
        <source>Search cancelled</source>
        <translation>أُلغي البحث</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <translation>تعذّر البحث: {error}</translation>
    </message>
    <message>
        <source>The labels over the hits could not be read: {error}</source>
        <translation>تعذّرت قراءة وسوم النتائج: {error}</translation>
    </message>
    <message>
        <source>Choose a hit in the list first</source>
        <translation>اختر نتيجة من القائمة أولًا</translation>
    </message>
    <message>
        <source>Select hits or documents in the list first</source>
        <translation>حدّد نتائج أو مستندات في القائمة أولًا</translation>
    </message>
    <message>
        <source>No hits to label: search first</source>
        <translation>لا نتائج لوسمها: ابحث أولًا</translation>
    </message>
    <message>
        <source>The project has no labels</source>
        <translation>لا وسوم في المشروع</translation>
    </message>
    <message>
        <source>Nothing labelled: a span of the kind of {label} is already over {n} hit(s)</source>
        <translation>لم يُوسَم شيء: على {n} نتيجة (نتائج) مقطعٌ من نوع {label} من قبل</translation>
    </message>
    <message>
        <source>Label {n} search hit(s) as {label}</source>
        <translation>وسم {n} من نتائج البحث بـ {label}</translation>
    </message>
    <message>
        <source>Labelled {n} hit(s) as {label} in {m} document(s)</source>
        <translation>وُسمت {n} نتيجة (نتائج) بـ {label} في {m} مستند (مستندات)</translation>
    </message>
    <message>
        <source>{n} skipped: a span of its kind is already there</source>
        <translation>تُخطّيت {n}: عليها مقطع من نوعها من قبل</translation>
    </message>
</context>
<context>
    <name>ProjectWatch</name>
    <message>
        <source>Another program changed this document: it shows the file now</source>
        <translation>غيّر برنامج آخر هذا المستند: يُعرض الآن كما في الملف</translation>
    </message>
</context>
<context>
    <name>QualityDialog</name>
    <message>
        <source>Recommender quality</source>
        <translation>جودة المقترِحات</translation>
    </message>
    <message>
        <source>Recommender</source>
        <translation>المقترِح</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>صحيحة</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>مقترَحة</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>موسومة</translation>
    </message>
    <message>
        <source>Measuring the recommenders on the documents marked done…</source>
        <translation>جارٍ قياس المقترِحات على المستندات المنجزة…</translation>
    </message>
    <message>
        <source>No document is marked done yet: the recommenders are measured against the spans of the documents marked done (Ctrl+Enter marks one done).</source>
        <translation>لم يُعلَّم أي مستند منجزًا بعد: تُقاس المقترِحات على مقاطع المستندات المنجزة (Ctrl+Enter يعلّم المستند منجزًا).</translation>
    </message>
    <message>
        <source>Over {documents} document(s) marked done, {spans} span(s): a suggestion is right when a span has its offsets and label; each document&apos;s own spans are left out of what the recommenders learn.</source>
        <translation>على {documents} مستند (مستندات) منجز، {spans} مقطعًا: يكون الاقتراح صحيحًا إذا طابق مقطعًا في موضعه ووسمه؛ ولا تتعلّم المقترِحات من مقاطع المستند نفسه.</translation>
    </message>
    <message>
        <source>Not measured: {why}.</source>
        <translation>لم يُقَس: {why}.</translation>
    </message>
</context>
<context>
    <name>QualityLine</name>
    <message>
        <source>Measure again</source>
        <translation>قِس مجددًا</translation>
    </message>
    <message>
        <source>Measure quality</source>
        <translation>قِس الجودة</translation>
    </message>
    <message>
        <source>Per label…</source>
        <translation>لكل وسم…</translation>
    </message>
    <message>
        <source>Measuring the recommenders on the documents marked done…</source>
        <translation>جارٍ قياس المقترِحات على المستندات المنجزة…</translation>
    </message>
    <message>
        <source>The quality could not be measured: {error}</source>
        <translation>تعذّر قياس الجودة: {error}</translation>
    </message>
    <message>
        <source>Quality against your documents marked done: not measured yet.</source>
        <translation>الجودة مقارنةً بمستنداتك المنجزة: لم تُقَس بعد.</translation>
    </message>
    <message>
        <source>Quality: no document is marked done yet to measure the recommenders against.</source>
        <translation>الجودة: لا يوجد بعدُ مستند منجز تُقاس عليه المقترِحات.</translation>
    </message>
    <message>
        <source>{name} {f1} (precision {p}, recall {r})</source>
        <translation>{name}: {f1} (الدقة {p}، الاستدعاء {r})</translation>
    </message>
    <message>
        <source>no recommender can suggest anything in this project</source>
        <translation>لا يستطيع أي مقترِح أن يقترح شيئًا في هذا المشروع</translation>
    </message>
    <message>
        <source>Quality over {n} document(s) marked done, {spans} span(s): </source>
        <translation>الجودة على {n} مستند(ات) منجزة، {spans} مقطع(ًا): </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>(the project changed since it was measured)</source>
        <translation>(تغيّر المشروع منذ قياسها)</translation>
    </message>
</context>
<context>
    <name>Recommenders</name>
    <message>
        <source>Project memory: what is already labelled</source>
        <translation>ذاكرة المشروع: ما وُسم من قبل</translation>
    </message>
    <message>
        <source>Gazetteers: the project&apos;s lists of names</source>
        <translation>المعاجم: قوائم الأسماء في المشروع</translation>
    </message>
    <message>
        <source>Quotes and their speakers</source>
        <translation>الاقتباسات وقائلوها</translation>
    </message>
    <message>
        <source>The project&apos;s trained model</source>
        <translation>النموذج المدرَّب للمشروع</translation>
    </message>
    <message>
        <source>Your own spaCy pipeline</source>
        <translation>خط معالجة spaCy الخاص بك</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Reading the project…</source>
        <translation>جارٍ قراءة المشروع…</translation>
    </message>
    <message>
        <source>Cancelled: Refresh reads the project again.</source>
        <translation>أُلغي: «تحديث» يقرأ المشروع من جديد.</translation>
    </message>
    <message>
        <source>The report could not be read: {error}</source>
        <translation>تعذّرت قراءة التقرير: {error}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>A word or name to find in every document (Enter)</source>
        <translation>كلمة أو اسم للبحث عنه في كل المستندات (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>في سياقه</translation>
    </message>
    <message>
        <source>Labels there</source>
        <translation>وسومها</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <source>Label &amp;this</source>
        <translation>وسم &amp;هذه</translation>
    </message>
    <message>
        <source>Label selecte&amp;d</source>
        <translation>وسم ال&amp;محدَّدة</translation>
    </message>
    <message>
        <source>Label a&amp;ll</source>
        <translation>وسم ال&amp;كل</translation>
    </message>
    <message>
        <source>Label the current hit with the chosen label</source>
        <translation>وسم النتيجة الحالية بالوسم المختار</translation>
    </message>
    <message>
        <source>Label the selected hits (a selected document: all its hits)</source>
        <translation>وسم النتائج المحدَّدة (المستند المحدَّد: كل نتائجه)</translation>
    </message>
    <message>
        <source>Label every hit in the list</source>
        <translation>وسم كل نتائج القائمة</translation>
    </message>
    <message>
        <source>No hit in the project</source>
        <translation>لا نتائج في المشروع</translation>
    </message>
    <message>
        <source>{n} hit(s) in {m} document(s)</source>
        <translation>{n} نتيجة (نتائج) في {m} مستند (مستندات)</translation>
    </message>
    <message>
        <source>{n} hit(s) in {title}</source>
        <translation>{n} نتيجة (نتائج) في {title}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Shipped Arabic font (Noto Naskh Arabic)</source>
        <translation>الخط العربي المرفق (Noto Naskh Arabic)</translation>
    </message>
    <message>
        <source>Another font:</source>
        <translation>خط آخر:</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Spans every annotator has</source>
        <translation>المقاطع التي عند كل الموسِّمين</translation>
    </message>
    <message>
        <source>Spans more than half of them have</source>
        <translation>المقاطع التي عند أكثر من نصفهم</translation>
    </message>
    <message>
        <source>Annotator name:</source>
        <translation>اسم الموسِّم:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>Article font:</source>
        <translation>خط المقال:</translation>
    </message>
    <message>
        <source>Zoom (relative to normal size):</source>
        <translation>التكبير (نسبةً إلى الحجم الطبيعي):</translation>
    </message>
    <message>
        <source>Curator (whose spans are the curated result):</source>
        <translation>المنقِّح (مقاطعه هي النتيجة المنقَّحة):</translation>
    </message>
    <message>
        <source>Curation merges:</source>
        <translation>يدمج التنقيح:</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <source>Suggestions in this document: {n} (N, A accepts, X rejects)</source>
        <translation>الاقتراحات في هذا المستند: {n} (N للتالي، A للقبول، X للرفض)</translation>
    </message>
</context>
<context>
    <name>SpanDetails</name>
    <message>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>unknown label</source>
        <translation>وسم غير معروف</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>none yet (S to pick one)</source>
        <translation>لا أحد بعد (S لاختياره)</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
</context>
<context>
    <name>SpanEdges</name>
    <message>
        <source>Not moved: the span would start with a line break</source>
        <translation>لم يُحرَّك: كان المقطع سيبدأ بفاصل أسطر</translation>
    </message>
    <message>
        <source>Not moved: the span would start with an invisible direction mark</source>
        <translation>لم يُحرَّك: كان المقطع سيبدأ بعلامة اتجاه غير مرئية</translation>
    </message>
    <message>
        <source>Not moved: the span would start with a space</source>
        <translation>لم يُحرَّك: كان المقطع سيبدأ بمسافة</translation>
    </message>
    <message>
        <source>Not moved: the span would end with a line break</source>
        <translation>لم يُحرَّك: كان المقطع سينتهي بفاصل أسطر</translation>
    </message>
    <message>
        <source>Not moved: the span would end with an invisible direction mark</source>
        <translation>لم يُحرَّك: كان المقطع سينتهي بعلامة اتجاه غير مرئية</translation>
    </message>
    <message>
        <source>Not moved: the span would end with a space</source>
        <translation>لم يُحرَّك: كان المقطع سينتهي بمسافة</translation>
    </message>
    <message>
        <source>spaces and line breaks at its edges left out of the span</source>
        <translation>أُخرجت المسافات وفواصل الأسطر عند طرفيه من المقطع</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>المواضع</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>اقتباس</translation>
    </message>
</context>
<context>
    <name>SpeakerLinks</name>
    <message>
        <source>Select a quote first, then pick its speaker</source>
        <translation>حدِّد اقتباسًا أولًا، ثم اختر المتحدث</translation>
    </message>
    <message>
        <source>Click the entity who said this quote (Esc cancels)</source>
        <translation>انقر على الكيان صاحب هذا الاقتباس (Esc للإلغاء)</translation>
    </message>
    <message>
        <source>{label} cannot be a speaker: click one of {allowed} (Edit → Labels… sets which labels may be speakers)</source>
        <translation>لا يكون {label} متحدثًا: انقر على أحد {allowed} (تحرير ← الوسوم… يحدد الوسوم المسموح بها متحدثين)</translation>
    </message>
    <message>
        <source>That is not an entity: click a person or an organisation</source>
        <translation>هذا ليس كيانًا: انقر على شخص أو منظمة</translation>
    </message>
    <message>
        <source>That speaker is already linked</source>
        <translation>هذا المتحدث مربوط من قبل</translation>
    </message>
    <message>
        <source>Link speaker {text}</source>
        <translation>ربط المتحدث {text}</translation>
    </message>
    <message>
        <source>(no label is allowed as a speaker)</source>
        <translation>(لا وسم مسموح به متحدثًا)</translation>
    </message>
    <message>
        <source>speaker link removed: a span labelled {label} cannot have a speaker</source>
        <translation>أُزيل رابط المتحدث: لا يكون لمقطع موسوم {label} متحدث</translation>
    </message>
    <message>
        <source>speaker link removed: {label} cannot be a speaker</source>
        <translation>أُزيل رابط المتحدث: لا يكون {label} متحدثًا</translation>
    </message>
    <message>
        <source>Select a quote that has a speaker</source>
        <translation>حدِّد اقتباسًا له متحدث</translation>
    </message>
    <message>
        <source>Remove the speaker of a quote</source>
        <translation>إزالة متحدث الاقتباس</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Annotator: {name}</source>
        <translation>الموسِّم: {name}</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>لا مستندات بعد</translation>
    </message>
    <message>
        <source>Document {position} of {total}</source>
        <translation>المستند {position} من {total}</translation>
    </message>
    <message>
        <source>Spans: {count}</source>
        <translation>المقاطع: {count}</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Recommender</source>
        <translation>المقترِح</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>{recommender} on {label}: precision {p}, recall {r}, {f1} over {n} document(s) marked done</source>
        <translation>{recommender} على {label}: الدقة {p}، الاستدعاء {r}، {f1} على {n} مستند(ات) منجزة</translation>
    </message>
</context>
<context>
    <name>SuggestionReports</name>
    <message>
        <source>{label} {text}: a label key relabels it</source>
        <translation>{label} {text}: مفتاح الوسم يعيد وسمه</translation>
    </message>
    <message>
        <source>{text} is no longer labelled {label} (Refresh the report)</source>
        <translation>لم يعد {text} موسومًا {label} (حدّث التقرير)</translation>
    </message>
</context>
<context>
    <name>SuggestionSettingsDialog</name>
    <message>
        <source>Suggestion settings</source>
        <translation>إعدادات الاقتراحات</translation>
    </message>
    <message>
        <source>Recommenders that run</source>
        <translation>المقترِحات التي تعمل</translation>
    </message>
    <message>
        <source>Suggest when a document opens</source>
        <translation>اقترح عند فتح مستند</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Minimum score shown:</source>
        <translation>أدنى درجة تُعرض:</translation>
    </message>
    <message>
        <source>Train the model again after every N new spans:</source>
        <translation>أعِد تدريب النموذج بعد كل N مقطعًا جديدًا:</translation>
    </message>
    <message>
        <source>Gazetteers in this project</source>
        <translation>قوائم الأسماء في هذا المشروع</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Your own spaCy pipeline</source>
        <translation>خط معالجة spaCy الخاص بك</translation>
    </message>
    <message>
        <source>a directory with ner or spancat</source>
        <translation>مجلد فيه ner أو spancat</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>خط المعالجة:</translation>
    </message>
    <message>
        <source>Its labels as ours:</source>
        <translation>وسومه بوسومنا:</translation>
    </message>
    <message>
        <source>Spans key (spancat):</source>
        <translation>مفتاح المقاطع (spancat):</translation>
    </message>
    <message>
        <source>Choose a spaCy pipeline</source>
        <translation>اختيار خط معالجة spaCy</translation>
    </message>
    <message>
        <source>Import a gazetteer</source>
        <translation>استيراد قائمة أسماء</translation>
    </message>
    <message>
        <source>Gazetteers (*.tsv *.tab *.txt *.json);;All files (*)</source>
        <translation>قوائم الأسماء (*.tsv *.tab *.txt *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>{name}: {n} names imported</source>
        <translation>{name}: استُورد {n} اسمًا</translation>
    </message>
    <message>
        <source>{name} removed</source>
        <translation>أُزيلت {name}</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>switched off in the project&apos;s settings</source>
        <translation>مُعطَّل في إعدادات المشروع</translation>
    </message>
    <message>
        <source>no gazetteer in the project (Suggestions ▸ Suggestion settings…)</source>
        <translation>لا قائمة أسماء في المشروع (اقتراحات ← إعدادات الاقتراحات…)</translation>
    </message>
    <message>
        <source>no labelled text in the project yet</source>
        <translation>لا نص موسوم في المشروع بعد</translation>
    </message>
    <message>
        <source>the project has no quote label</source>
        <translation>ليس في المشروع وسم للاقتباس</translation>
    </message>
    <message>
        <source>no trained model: train it (Suggestions ▸ Train the model…)</source>
        <translation>لا نموذج مدرَّب: درِّبه (اقتراحات ← تدريب النموذج…)</translation>
    </message>
    <message>
        <source>no spaCy pipeline set (Suggestions ▸ Suggestion settings…)</source>
        <translation>لم يُحدَّد خط معالجة spaCy (اقتراحات ← إعدادات الاقتراحات…)</translation>
    </message>
    <message>
        <source>spaCy is not installed: pip install spacy</source>
        <translation>spaCy غير مثبَّت: pip install spacy</translation>
    </message>
    <message>
        <source>{n} below the minimum score {score}</source>
        <translation>{n} دون أدنى درجة {score}</translation>
    </message>
    <message>
        <source>all below the minimum score {score}</source>
        <translation>كلها دون أدنى درجة {score}</translation>
    </message>
    <message>
        <source>Suggestion: {label} {text} ({recommender}, score {score})</source>
        <translation>اقتراح: {label} {text} ({recommender}، الدرجة {score})</translation>
    </message>
    <message>
        <source>No open suggestion in this document (Suggestions ▸ Suggest)</source>
        <translation>لا اقتراح مفتوح في هذا المستند (اقتراحات ← اقترح)</translation>
    </message>
    <message>
        <source>Accept {label} {text}</source>
        <translation>قبول {label} {text}</translation>
    </message>
    <message>
        <source>Reject {label} {text}</source>
        <translation>رفض {label} {text}</translation>
    </message>
    <message>
        <source>No open suggestion to accept here</source>
        <translation>لا اقتراح مفتوح لقبوله هنا</translation>
    </message>
    <message>
        <source>Accept the {n} suggestion(s) of this document</source>
        <translation>قبول اقتراحات هذا المستند: {n}</translation>
    </message>
    <message>
        <source>No open suggestion to reject here</source>
        <translation>لا اقتراح مفتوح لرفضه هنا</translation>
    </message>
    <message>
        <source>Reject the {n} suggestion(s) of this document</source>
        <translation>رفض اقتراحات هذا المستند: {n}</translation>
    </message>
    <message>
        <source>No suggestion here: N selects the next one</source>
        <translation>لا اقتراح هنا: N يحدد الاقتراح التالي</translation>
    </message>
    <message>
        <source>No recommender is switched on (Suggestions ▸ Suggestion settings…)</source>
        <translation>لا مقترِح مُفعَّل (اقتراحات ← إعدادات الاقتراحات…)</translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation>يجري الاقتراح…</translation>
    </message>
    <message>
        <source>{n} open suggestion(s) in this document; N selects the next</source>
        <translation>الاقتراحات المفتوحة في هذا المستند: {n}؛ N يحدد التالي</translation>
    </message>
    <message>
        <source>Suggestion settings saved</source>
        <translation>حُفظت إعدادات الاقتراحات</translation>
    </message>
    <message>
        <source>Suggested on opening: {n} open suggestion(s); N selects the next</source>
        <translation>اقتُرح عند الفتح: {n} اقتراح مفتوح؛ N يحدد التالي</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>Make work packages</source>
        <translation>إعداد حزم العمل</translation>
    </message>
    <message>
        <source>ann1, ann2, ann3</source>
        <translation>موسِّم1، موسِّم2، موسِّم3</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Replace packages of the same names</source>
        <translation>استبدل الحزم التي تحمل الأسماء نفسها</translation>
    </message>
    <message>
        <source>Annotators (comma-separated):</source>
        <translation>الموسِّمون (مفصولون بفواصل):</translation>
    </message>
    <message>
        <source>Documents everyone gets:</source>
        <translation>المستندات التي يأخذها الجميع:</translation>
    </message>
    <message>
        <source>Deal documents whose status is:</source>
        <translation>وزِّع المستندات التي حالتها:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>مجلد الحفظ:</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>أعِدّ</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>مجلد الحفظ</translation>
    </message>
    <message>
        <source>Tick at least one status.</source>
        <translation>اختر حالة واحدة على الأقل.</translation>
    </message>
    <message>
        <source>Writing the work packages…</source>
        <translation>تُكتب حزم العمل…</translation>
    </message>
    <message>
        <source>Cancelled: no package was written.</source>
        <translation>أُلغي: لم تُكتب أي حزمة.</translation>
    </message>
    <message>
        <source>Nothing written: {error}</source>
        <translation>لم يُكتب شيء: {error}</translation>
    </message>
    <message>
        <source>Make work packages…</source>
        <translation>إعداد حزم العمل…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <source>Work packages written</source>
        <translation>كُتبت حزم العمل</translation>
    </message>
    <message>
        <source>Merge work packages</source>
        <translation>دمج حزم العمل</translation>
    </message>
    <message>
        <source>Merging the work packages…</source>
        <translation>تُدمج حزم العمل…</translation>
    </message>
    <message>
        <source>Nothing merged</source>
        <translation>لم يُدمج شيء</translation>
    </message>
    <message>
        <source>Work packages merged</source>
        <translation>دُمجت حزم العمل</translation>
    </message>
    <message>
        <source>{n} package(s) refused: nothing of them merged</source>
        <translation>رُفضت {n} حزمة: لم يُدمج منها شيء</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
</context>
<context>
    <name>TeamReport</name>
    <message>
        <source>{dealt} document(s) dealt to {annotators} annotator(s), {overlap} of them to everyone</source>
        <translation>وُزِّع {dealt} مستند على {annotators} موسِّم، منها {overlap} للجميع</translation>
    </message>
    <message>
        <source>{file}: {annotator}, {documents} document(s) ({shared} shared)</source>
        <translation>الحزمة {file}: {annotator}، {documents} مستند ({shared} مشترك)</translation>
    </message>
    <message>
        <source>Refused, nothing of it merged: {reason}</source>
        <translation>رُفضت ولم يُدمج منها شيء: {reason}</translation>
    </message>
    <message>
        <source>{file} ({annotator}, {documents} document(s)): nothing new (already merged, or no work in it yet)</source>
        <translation>الحزمة {file} ({annotator}، {documents} مستند): لا جديد (دُمجت من قبل، أو لا عمل فيها بعد)</translation>
    </message>
    <message>
        <source>{file} ({annotator}, {documents} document(s)): {spans} span(s), {relations} relation(s) and {statuses} status(es) in, on {brought} document(s); {already} span(s) there already</source>
        <translation>الحزمة {file} ({annotator}، {documents} مستند): دخل {spans} مقطع و{relations} علاقة و{statuses} حالة، في {brought} مستند؛ {already} مقطع موجود من قبل</translation>
    </message>
    <message>
        <source>Labels added: {labels}</source>
        <translation>أُضيفت الوسوم: {labels}</translation>
    </message>
    <message>
        <source>{kept} span(s) of {annotator} that the package does not have, kept</source>
        <translation>أُبقي {kept} مقطع لـ{annotator} ليس في الحزمة</translation>
    </message>
    <message>
        <source>{others} span(s) of other annotators in it, left out</source>
        <translation>تُرك {others} مقطع لموسِّمين آخرين فيها</translation>
    </message>
    <message>
        <source>{merged} package(s) merged into {project}, {refused} refused</source>
        <translation>دُمجت {merged} حزمة في {project}، ورُفضت {refused}</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Projects (*{suffix});;All files (*)</source>
        <translation>المشاريع (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>{path} exists already; use Open project to open it.</source>
        <translation>{path} موجود من قبل؛ استعمل «فتح مشروع» لفتحه.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>(no other project yet)</source>
        <translation>(لا مشروع آخر بعد)</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>فتح مشروع حديث</translation>
    </message>
    <message>
        <source>This project is not there: it was moved, renamed or deleted.</source>
        <translation>ليس هذا المشروع في مكانه: نُقل أو غُيّر اسمه أو حُذف.</translation>
    </message>
    <message>
        <source>Nothing was opened or created. Use Open project… to find it where it is now, or New project… to start a new one.</source>
        <translation>لم يُفتح شيء ولم يُنشأ شيء. استعمل «فتح مشروع…» لتجده حيث هو الآن، أو «مشروع جديد…» لتبدأ مشروعًا جديدًا.</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>أزِله من القائمة</translation>
    </message>
    <message>
        <source>Keep in the list</source>
        <translation>أبقِه في القائمة</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Annotator</source>
        <translation>أداة التوسيم</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your annotations up to the last action are saved. The details are in the log:
{log}</source>
        <translation>حدث خطأ: {error}

توسيماتك حتى آخر عملية محفوظة. التفاصيل في السجل:
{log}</translation>
    </message>
    <message>
        <source>Choose another project, or cancel to quit.</source>
        <translation>اختر مشروعًا آخر، أو ألغِ للخروج.</translation>
    </message>
    <message>
        <source>There is no project file here:</source>
        <translation>لا ملف مشروع هنا:</translation>
    </message>
    <message>
        <source>Make a new, empty project there, or open another one?</source>
        <translation>أتُنشئ هناك مشروعًا جديدًا فارغًا، أم تفتح مشروعًا آخر؟</translation>
    </message>
    <message>
        <source>Make a new project</source>
        <translation>أنشئ مشروعًا جديدًا</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>افتح مشروعًا آخر…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
</context>
</TS>
