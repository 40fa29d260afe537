"""Known page furniture, in the major languages: what a line that is only
"Share", "Advertisement", "Most read" or "Photo: Getty Images" is for.

`furniture(text)` names the kind of a line that is page furniture (or None);
`section_start(text)` tells whether a line opens a part of the page that is
not the article (comments, related stories, author box), which the
classifier uses to end the body."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .. import fastre as re  # the stdlib re; compiled patterns kept across launches (perf)

_I = re.IGNORECASE
# The big phrase tables are matched against the lower-cased line without
# re.IGNORECASE: case-insensitive literals defeat the regex engine's quick
# first-character test, which made one line's test cost ~60 us instead of ~2.

# Whole-line phrases: the line is nothing but this (plus punctuation/counts).
_WHOLE = {
    "share or follow link": r"""
        share|shares|sharing|share\ this(\ (story|article|post|page))?|share\ (on|via|to|with)\ \w+(\ \w+)?|
        share\ (the\ )?story|tweet|pin(\ it)?|e-?mail(\ (this|me|article))?|print(\ article)?|
        whats\ ?app|facebook|twitter|x|linkedin|reddit|telegram|pinterest|pint|tumblr|messenger|flipboard|
        google\+?|instagram|youtube|vk|weibo|wechat|line|sms|download|baixar|herunterladen|télécharger|descargar|
        copy(\ (the\ )?link)?|copied!?|link\ copied|save(\ (article|for\ later|story))?|read\ later|bookmark(\ it)?|
        follow(\ us)?(\ on(\ \w+)?)?|follow|like|comment|reply|permalink|
        compartir|compartilhe|compartilhar|condividi|partager|teilen|sdílet|udostępnij|поделиться|
        imprimir|drucken|imprimer|stampa|facebook\ twitter(\ \w+)*|
        シェア(する)?|ツイート|いいね!?|共有|分享(到)?|转发|轉發|收藏|点赞|打印|列印""",
    "advertisement": r"""
        advertisement|advertisements|advert|advertising|ad|ads|sponsored(\ (content|links?|stories))?|
        promoted(\ (content|links?|stories))?|paid\ (content|post)|partner\ content|adchoices|
        report\ this\ ad|story\ continues\ (below|after)(\ (this\ )?(advertisement|ad))?|
        continue\ reading(\ (below|the\ main\ story))?|anzeige|werbung|publicidad|publicité|pubblicità|
        publicidade|реклама|reklama|iklan|annonce|advertentie|广告|廣告|広告|スポンサーリンク""",
    "subscription or sign-in": r"""
        subscribe(\ (now|today|here))?|sign\ ?up(\ now)?|sign\ ?in|log\ ?in|log\ ?out|sign\ out|register|
        login/register|create\ (an\ )?account|my\ account|newsletters?|get\ the\ app|download\ the\ app|
        ([\w'’&.-]++\ ){1,4}newsletters?|see\ all\ newsletters|
        abonnieren|anmelden|s'abonner|abonnez-vous|connexion|suscríbete|suscribite|suscribirse|assine|
        entrar|iscriviti|accedi|подписаться|войти|zaloguj|prenumerera""",
    "navigation": r"""
        home|menu|main\ menu|search|close|open|skip\ to\ (main\ )?content|skip\ navigation|back\ to\ top|
        top|next|previous|prev|next\ article|previous\ article|previous\ post|next\ post|older|newer|
        read\ more|read\ now|more|see\ more|show\ more|load\ more|view\ all|see\ all|show\ all|more\ stories|
        continue|go|submit|cancel|ok|done|loading\.*|↑\ top|«|»|‹|›|jump\ to\ (navigation|search|content)|
        skip\ to\ (site\ index|search|navigation)|skip\ (this\ )?ad|full\ ?screen|autoplay|view\ (photos?|gallery)|
        resize\ text|text\ size|font\ size|next\ (story|page|slide)|previous\ (story|page|slide)|go\ to\ permalink|buy\ (now|photo)|
        caption|photo|foto|фото|video|toggle\ navigation|places\ near\ me|random\ (place|article)|listen(\ to\ (this\ )?article)?|
        from\ wikipedia,\ the\ free\ encyclopedia|this\ (section|story|page)\ is\ sponsored\ by|section\ is\ sponsored\ by|story\ is\ sponsored\ by|
        page\ is\ sponsored\ by|
        sponsored\ by|presented\ by|in\ partnership\ with|
        mehr|weiter|zurück|suite|lire\ la\ suite|plus|leer\ más|ver\ más|más|leia\ mais|ver\ mais|
        voltar|continua|altro|далее|ещё|подробнее|首页|首頁|ホーム|トップ|上一篇|下一篇|返回(顶部|頂部)?|
        もっと見る|続きを読む|阅读全文|閱讀全文|查看更多|更多""",
    "comments": r"""
        comments?|\d+\ comments?|view\ comments|show\ comments|load\ comments|no\ comments|
        nessun\ commento|sin\ comentarios|aucun\ commentaire|keine\ kommentare|sem\ comentários|nenhum\ comentário|
        leave\ a\ (reply|comment)|post\ a\ comment|add\ a\ comment|join\ the\ (discussion|conversation)|
        reader\ comments|kommentare|kommentar|commentaires|commentaire|comentarios|comentários|
        comentar|commenti|commenta|комментарии|комментарий|komentarze|komentar|
        コメント(非表示|を書く|する)?|评论|評論|留言|发表评论|發表評論""",
    "related links header": r"""
        related|related\ (articles?|stories|posts|content|news|coverage|videos?|topics|links)|
        recommended(\ (for\ you|stories|articles|reading))?|you\ may\ (also\ )?like|you\ might\ (also\ )?like|
        more\ (from|on|in|about)\ .{1,40}|most\ (read|popular|viewed|shared|commented|recent)(\ .{1,30})?|
        (popular|trending)\ (on|in|at)\ .{1,40}|
        trending(\ now)?|popular|latest(\ (news|stories|articles))?|top\ stories|editor'?s\ picks|
        read\ next|up\ next|what\ to\ read\ next|don'?t\ miss|also\ read|read\ also|see\ also|
        further\ reading|in\ (other|related)\ news|around\ the\ web|from\ around\ the\ web|
        more\ stories|more\ to\ explore|more\ like\ this|other\ people\ are\ reading|
        mehr\ zum\ thema|das\ könnte\ sie\ auch\ interessieren|lesen\ sie\ auch|à\ lire\ aussi|
        lire\ aussi|sur\ le\ même\ sujet|te\ puede\ interesar|noticias\ relacionadas|
        artículos\ relacionados|leia\ também|veja\ também|artigos\ relacionados|leggi\ anche|
        【関連(記事|ニュース|リンク)】?|関連(記事|ニュース|リンク)】?|相关(阅读|文章|新闻|推荐)|相關(閱讀|文章|新聞)|推荐阅读|延伸閱讀|
        热门(文章|推荐)?|熱門(文章)?|人気(記事|ランキング)|おすすめ(記事)?|
        articoli\ correlati|читайте\ также|по\ теме|материалы\ по\ теме|související|
        você\ pode\ gostar\.*|vous\ aimerez\ aussi|tags?|topics|categories|filed\ (under|to)""",
    "about the author": r"""
        about\ the\ authors?|about\ (the\ )?(writer|reporter)|author|authors|über\ den\ autor|
        à\ propos\ de\ l'auteur|sobre\ el\ autor|sobre\ o\ autor|об\ авторе""",
    "legal or cookie notice": r"""
        privacy(\ policy)?|privacy\ notice|cookie\ (policy|settings|preferences)|cookies|
        accept(\ all)?(\ cookies)?|reject\ all|manage\ (cookies|preferences)|terms(\ of\ (use|service))?|
        terms\ and\ conditions|terms\ &\ conditions|contact(\ us)?|about(\ us)?|imprint|impressum|
        site\ ?map|rss(\ feeds?)?|careers|jobs|advertise(\ with\ us)?|help|faq|accessibility|
        datenschutz|mentions\ légales|aviso\ legal|política\ de\ privacidad""",
}

def _named(table: dict[str, str]) -> tuple[str, dict[str, str]]:
    """One alternation with a named group per kind (one regex call per line)."""
    names = {f"k{i}": why for i, why in enumerate(table)}
    alts = "|".join(f"(?P<{name}>{table[why]})" for name, why in names.items())
    return alts, names


_WHOLE_ALTS, _WHOLE_NAMES = _named(_WHOLE)


def _alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a verbose pattern, unescaped whitespace removed."""
    out, depth, current, i = [], 0, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if c.isspace():
            i += 1
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    out.append("".join(current))
    return [a for a in out if a]


def _by_first_char(table: dict[str, str]) -> str:
    """Every phrase of `table` in one alternation factored by first character
    ('s(?:hare|hares|...)|t(?:weet|...)'): the engine tests one character per
    group instead of entering each of ~350 phrases. No groups: _WHOLE_RE
    names the kind of the (rare) lines this matches."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for pattern in table.values():
        for a in _alternatives(pattern):
            if a[0] not in "\\[(.^$|?*+{" and a[1:2] not in ("?", "*", "+", "{"):
                groups.setdefault(a[0], []).append(a[1:])
            else:
                rest.append(a)
    return "|".join([re.escape(c) + "(?:" + "|".join(v) + ")" for c, v in groups.items()] + rest)


# One to four phrases ("Sign in / Sign up", "Skip to contentSkip to site index"),
# then maybe a count ("Comments 12", "Shares 2.1K").
_WHOLE_FAST = re.compile(r"^[\W\d_]{0,4}(?:(?:" + _by_first_char(_WHOLE) + r")[\s/|·•,:!\-–—]*){1,4}"
                         r"(?:\(?[\d,.]+[km]?\)?)?[\W_]{0,4}$", re.X)  # on lower-cased text
_WHOLE_RE = re.compile(r"^[\W\d_]{0,4}(?:(?:" + _WHOLE_ALTS + r")[\s/|·•,:!\-–—]*){1,4}(?:\(?[\d,.]+[km]?\)?)?[\W_]{0,4}$",
                       re.X)  # on lower-cased text

# Lines that start like furniture: "Read more: ...", "Photo: ...", "Click here to ...".
_PREFIX = {
    "related link": r"""(related|read\ more|read\ also|also\ read|see\ more|see\ also|more|watch|listen|
        read|recommended|must\ read|don'?t\ miss|trending|opinion|explainer|analysis|live|
        lesen\ sie\ (auch|mehr)|mehr\ zum\ thema|lire\ aussi|à\ lire|leia\ (também|mais)|
        leggi\ anche(\ su)?|lee\ también|te\ puede\ interesar|читайте\ также|смотрите\ также)\s*[:|»›>]""",
    "photo caption or credit": r"""(?:(photo|photograph|photos|image|picture|pic|video|illustration|
        graphic|caption|credit|credits|photo\ credit|image\ credit|
        source|foto|fotos|bild|bildquelle|imagen|immagine|фото|zdroj|crédito|crédit)\s*[:©|]|
        (image|media|photo)\ caption\b)""",
    "call to action": r"""(click|tap)\ (here|to)\b|sign\ up\ (for|to)\b|subscribe\ (to|for)\b|
        download\ (our|the)\b|get\ (our|the)\ .{0,30}(newsletter|app)\b|follow\ (us|\w+)\ on\b|
        like\ us\ on\b|join\ us\ on\b|we\ use\ cookies|this\ (site|website)\ uses\ cookies|
        by\ (using|continuing)\ .{0,40}(site|website)|you\ have\ \d+\ (free\ )?articles?|
        to\ (read|continue)\ (the\ full\ story|reading)|already\ a\ subscriber|
        (all\ )?rights\ reserved|copyright\b|©""",
}
_PREFIX_ALTS, _PREFIX_NAMES = _named(_PREFIX)
_PREFIX_MARKS = re.compile(r"[:|»›>©]")
_PREFIX_LEADS = ("click", "tap", "sign", "subscribe", "download", "get ", "follow", "like ", "join", "we ",
                 "this ", "by ", "you ", "to ", "already", "all ", "copyright", "image", "media", "photo")
_PREFIX_RE = re.compile(r"^[\W_]{0,3}(?:" + _PREFIX_ALTS + ")", re.X)  # on lower-cased text

# Credits and captions recognisable anywhere: "(Image: Getty)", "Credit: Reuters",
# "Photo by Jane Doe", "Getty Images" at the end of a short line.
_CREDIT = re.compile(
    r"""\((?:image|photo|picture|pic|foto|credit|source|bild)s?\s*:[^)]*\)\s*$|
    \b(?:photo|image|picture|foto|credit)s?\s*©|
    (?:credit|courtesy|photograph|photo|image|illustration)\s*(?:by|:|of)\s*[^.!?]{2,60}$|
    \b(?:getty(\ images)?|afp|reuters|ap\ photo|associated\ press|shutterstock|istock|epa|alamy|
    pa\ (?:images|media|wire)|bloomberg|corbis|rex|dpa)(?:\s*(?:via|/|\||-)\s*[\w ]{1,40})?\s*\)?$|
    \bvia\ (?:ap|afp|reuters|getty(?:\ images)?|epa|dpa|bloomberg|zuma(?:\ press)?)\)?$|
    \((?:ap|afp|epa|dpa|ap\ photo|afp\ photo)\)$|
    \bfile\ (?:photo|image|picture)\b""",
    re.X,  # on lower-cased text
)
_CREDIT_WORDS = ("credit", "courtesy", "photo", "image", "illustration", "picture", "pic", "foto", "source", "via ",
                 "(ap)", "bild", "getty", "afp", "reuters", "ap ", "press", "shutterstock", "istock", "epa", "alamy",
                 "pa ", "bloomberg", "corbis", "rex", "dpa")


_CREDIT_GATE = re.compile("|".join(map(re.escape, _CREDIT_WORDS)))


def _credit(tail: str) -> bool:
    lower = tail.lower()
    # The regex search is slow; nearly every line lacks all of these words.
    return _CREDIT_GATE.search(lower) is not None and _CREDIT.search(lower) is not None


# A caption of any length ends with its credit in brackets: '... in Montecito, California.
# (Photo by Kevin Mazur/Getty Images)', '... (Image credit: NASA)', '... (photo AFP)'.
_CREDIT_END = re.compile(r"[(\[](?:photos?|images?|pictures?|illustrations?|graphics?|videos?|credits?|courtesy|"
                         r"file\ photo|foto|fotos|bild|imagen|immagine)\b[^()\[\]]{0,80}[)\]]\s*$", re.X)  # lower-cased

# A promotion addressing the reader anywhere in a short paragraph: 'Get the magazine delivered
# through your letterbox every month. Click here for more information.', 'Subscribe to our sister title'.
PROMO_WORDS = 40
_PROMO = re.compile(r"\bclick\ here\b|\bclick\ to\ (?:subscribe|share|view|print|e-?mail|watch)\b|\bsubscribe\ to\ our\b|\bsign\ up\ (?:for|to)\ our\b|"
                    r"\bdelivered\ (?:straight\ )?(?:to|through)\ your\ (?:inbox|letterbox|door)|"
                    r"\bevery\ (?:day|week|morning)\ we\ send\b|\bwant\ more\ stories\ like\ this\b", re.X)

# The author's one-line bio or a contributor's credit under the article: 'Julius is an LA
# Entertainment Reporter for Fox News.', 'Jane Roe contributed to this report.'
BIO_WORDS = 20
_BIO = re.compile(r"(?:(?:[A-Z][\w.'’-]*|d[aeiu]|del|van|von|der|l[ae]|al|bin)\s+){0,4}[A-Z][\w.'’-]*\s+is\s+"
                  r"(?:an?|the)\s+(?:[\w-]+\s+){0,5}?"
                  r"(?i:writer|reporter|journalist|editor|correspondent|columnist|contributor|producer|critic)\b"
                  r"(?:\s+(?:for|at|with|of|based|in)\b.*)?[.]?$")
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?$")  # lower-cased

CAPTION_WORDS = 40
# 'When you walk into almost any store, you're immediately overloaded with sights,… Read more':
# another story's first words, cut off, with its link.
_TEASER_END = re.compile(r"(?:…|\.\.\.)\s*(?:(?:read\ more|continue\ reading|read\ on|leer\ más|lire\ la\ suite|"
                         r"weiterlesen|leia\ mais|continua\ a\ leggere)\s*)+$", re.X)  # lower-cased
# '... back to the Moon [SpaceX via Nasa]', '... in Gaza [Mohammed Salem/Reuters]': a credit in square
# brackets names a source 'via' an agency or photographer/agency (citations '[Page 4]' do not).
_CREDIT_BRACKET = re.compile(r"\[[^\[\]{};=]{1,60}(?:\ via\ |[^\s/]/[^\s/])[^\[\]{};=/]{1,40}\]\s*$", re.X)  # lower-cased

# "(Reporting by Jane Doe; Editing by John Roe)": wire-service credits.
_CREDITS_LINE = re.compile(r"^\(?(?:additional\ )?(?:reporting|writing|editing|compiled|translated|research)"
                           r"(?:\ and\ \w+)?\ by\ (?-i:[A-Z])", _I | re.X)
_HANDLE = re.compile(r"^@\w{2,30}$")
_CREDITS_LEADS = ("reporting", "additional", "writing", "editing", "compiled", "translated", "research")
# "...ate a rabbitCredit: Getty": a caption glued to its credit.
_GLUED_CREDIT = re.compile(r"[a-z.)](?:Credit|Photo|Image|Picture|Foto|Source)s?\s*:\s*\S")
_SPONSOR_END = re.compile(r"\b(?:is\s+)?(?:sponsored|presented|powered|brought\s+to\s+you)\s+by$", _I)
# "1 of 6", "Image 3 of 12", "2/50": gallery counters.
_COUNTER = re.compile(r"^(?:(?:image|photo|slide|foto|bild)\s*)?\d{1,3}\s*(?:of|/|von|de|di|из)\s*\d{1,3}$", _I)

# Lines that open a page part which is not the article.
_SECTION_BODY = r"""(?:(\d+\ (comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários?|
    commenti|комментари[ийя])|comments|responses|replies|kommentare|commentaires|comentarios|comentários|
    commenti|комментарии)(\ (to|on|for)\ .+)?|
    leave\ a\ (reply|comment)|post\ a\ comment|add\ a\ comment|join\ the\ (discussion|conversation)|
    (leave|post|add|write)\ your\ comment|(envi[aá]|dej[aá]|escrib[eí])\ (tu|un)\ comentario|deja\ un\ comentario|
    deixe\ (seu|um)\ comentário|lascia\ un\ commento|laissez\ un\ commentaire|schreiben\ sie\ einen\ kommentar|
    (view|show|read|load)\ (all\ )?(\d+\ )?comments.*|conversation|discussion|
    related(\ (articles?|stories|posts|content|news|coverage|videos?|links))?|
    (recommended|suggested)(\ (for\ you|stories|articles|reading|videos?))?|
    you\ (may|might)\ (also\ )?(like|enjoy|be\ interested\ in).*|
    more\ (stories|articles|news|from|on|in|about|like\ this|to\ explore).*|more\ .{1,30}\ (stories|articles|reads)|
    (popular|trending)\ (on|in|at)\ .{1,40}|
    most\ (read|popular|viewed|shared|commented).*|(our\ )?(top|latest|popular|trending|recent)\ (stories|news|articles|videos|posts)|
    read\ next|up\ next|what\ to\ read\ next|around\ the\ web|from\ around\ the\ web|
    next(\ [\w.]+){0,2}\ (stories|story|articles?|news|posts?)|
    about\ the\ authors?|about\ (the\ )?(writer|reporter)|about\ this\ (article|story)|sources?|
    (sobre|über|à\ propos\ de)\ [\w.]+(\ [\w.]+){0,2}|
    mehr\ zum\ thema|weitere\ (beiträge|artikel).*|das\ könnte\ sie\ auch\ interessieren|lesen\ sie\ auch|
    sur\ le\ même\ sujet|à\ lire\ aussi|vous\ aimerez\ aussi|noticias\ relacionadas|artículos\ relacionados|
    te\ puede\ interesar|artigos\ relacionados|leia\ também|veja\ também|você\ pode\ gostar.*|
    articoli\ correlati|leggi\ anche|ti\ potrebbe\ interessare|
    материалы\ по\ теме|читайте\ также|вам\ также\ может\ быть\ интересно|související.*|
    【?関連(記事|ニュース)】?|相关(阅读|文章|新闻)|相關(閱讀|文章|新聞)|延伸閱讀|推荐阅读|コメント|评论|評論)"""
_SECTION = re.compile(r"^[\W\d]{0,4}" + _SECTION_BODY + r"[\W\d]{0,4}$", re.X)  # on lower-cased text
# The same over a whole page's lines joined by newlines (one scan instead of a call per line).
_SECTION_LINES = re.compile(r"^(?:[^\w\n]|\d){0,4}" + _SECTION_BODY + r"(?:[^\w\n]|\d){0,4}$", re.X | re.M)
_COMMENT_SECTION = re.compile(
    r"comment|response|repl(y|ies)|kommentar|commentaire|comentar|comentário|comment|коммент|discussion|conversation|"
    r"コメント|评论|評論",
    _I,
)


# Site notices: cookie banners, privacy and legal text, affiliate disclosures.
# Prose, often long, so they are found by their phrases at any length.
_NOTICE = re.compile(
    r"""\bcookies?\b.{0,80}\b(?:website|site|browser|experience|consent|settings|preferences|accept)|
    \b(?:website|site|we)\b.{0,40}\bcookies?\b|privacy\ (?:policy|notice|statement|settings)|
    terms\ (?:of|and)\ (?:use|service|conditions)|all\ rights\ reserved|registered\ trademarks?|
    \bpersonal\ (?:data|information)\b.{0,60}\b(?:process|collect|consent|use)|
    affiliate\ (?:commission|links?|partnerships?)|we\ may\ (?:earn|receive)\ (?:a\ )?(?:small\ )?commission|
    \b(?:this|our)\ (?:web)?site\b.{0,60}\b(?:uses|use\ of|reproduced|information\ provided|not\ intended)|
    may\ not\ be\ reproduced|without\ (?:the\ )?(?:prior\ )?written\ permission|
    \bi\ agree\ (?:to|that)\b|
    datenschutz|mentions\ légales|política\ de\ (?:privacidad|cookies)|utilizziamo\ i\ cookie|
    nous\ utilisons\ des\ cookies|wir\ verwenden\ cookies|usamos\ cookies|utilizamos\ cookies""",
    _I | re.X,
)


_NOTICE_HINTS = ("cookie", "privacy", "terms ", "rights reserved", "trademark", "personal ", "i agree",
                 "affiliate", "commission", "site", "reproduced", "permission", "datenschutz",
                 "légales", "política de")


_NOTICE_GATE = re.compile("|".join(map(re.escape, _NOTICE_HINTS)))


def site_notice(text: str) -> bool:
    """True for cookie banners, privacy/legal notices and affiliate disclosures."""
    lower = text.lower()
    if not _NOTICE_GATE.search(lower):  # cheap gate: the full regex is slow on long lines
        return False
    return _NOTICE.search(lower) is not None


def furniture(text: str, words: int, lower: str | None = None) -> str | None:
    """Why the line is page furniture, or None if it is not known furniture.
    `lower`: the text lower-cased, when the caller has it."""
    lower = text.lower() if lower is None else lower
    if words <= 8:
        if _WHOLE_FAST.match(lower):
            return _WHOLE_NAMES[_WHOLE_RE.match(lower).lastgroup]  # the slower regex that names the kind
        if text[-1].isdigit() and _COUNTER.match(text):
            return "photo gallery counter"
    if words <= 60:
        head = lower[:24].lstrip("([«“\"'¿¡ ")
        # Every prefix needs a separator early on or opens with one of a few words: test that first.
        match = _PREFIX_RE.match(lower) if (_PREFIX_MARKS.search(text, 0, 60) or head.startswith(_PREFIX_LEADS)) \
            else None
        if match and (words <= 30 or _PREFIX_NAMES[match.lastgroup] == "photo caption or credit"):
            return _PREFIX_NAMES[match.lastgroup]
        if head.startswith(_CREDITS_LEADS) and _CREDITS_LINE.match(text):
            return "reporting credits"
        if words <= 2 and text[0] == "@" and _HANDLE.match(text):
            return "social media handle"
        if text[-1] in ")]" and (_CREDIT_END.search(lower[-120:]) or
                                 (text[-1] == "]" and 5 <= words <= CAPTION_WORDS and _CREDIT_BRACKET.search(lower[-100:]))):
            return "photo caption or credit"
        if text[-1] in "eEsSnNgG" and _TEASER_END.search(lower[-60:]):  # ends like a 'read more' link
            return "teaser for another story"
        if words <= PROMO_WORDS and ("click" in lower or "subscri" in lower or "sign up" in lower or "deliver" in lower
                                     or "we send" in lower or "stories like" in lower) and _PROMO.search(lower):
            return "call to action"
        if words <= BIO_WORDS and ((" is " in lower and _BIO.match(text)) or
                                   ("contributed" in lower and _CONTRIBUTED.search(lower))):
            return "about the author"
    if words <= 30:
        if words <= 20 and _credit(text[-80:]):
            return "photo caption or credit"
        if ":" in text and _GLUED_CREDIT.search(text):
            return "photo caption or credit"
        if text[-2:].lower() == "by" and _SPONSOR_END.search(text):
            return "advertisement"
    return None


def section_start(text: str) -> str | None:
    """'comments' or 'related' when `text` heads a comments/related/author part."""
    if len(text) > 80 or not _SECTION.match(text.lower()):
        return None
    return _section_kind(text)


def _section_kind(text: str) -> str:
    return "comments" if _COMMENT_SECTION.search(text) else "related"


def _matching_lines(pattern: re.Pattern, lowers: list[str]) -> set[int]:
    """Indices of the lines where `pattern` matches (one scan of them all joined)."""
    ends = list(accumulate(len(t) + 1 for t in lowers))  # ends[k]: where line k+1 starts
    return {bisect_right(ends, m.start()) for m in pattern.finditer("\n".join(lowers))}


def page_sections(texts: list[str], lowers: list[str]) -> dict[int, str]:
    """section_start for every line of a page at once: index -> kind."""
    found = _matching_lines(_SECTION_LINES, [t if len(t) <= 80 else "" for t in lowers])
    return {i: _section_kind(texts[i]) for i in found if len(texts[i]) <= 80}


def page_notices(lowers: list[str]) -> set[int]:
    """site_notice for every line of a page at once (lower-cased lines): the indices."""
    return {i for i in _matching_lines(_NOTICE_GATE, lowers) if _NOTICE.search(lowers[i])}
