package analysis

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/dates"
	"meetscan/analysis/keywords"
	"meetscan/analysis/meeting"
	"meetscan/analysis/people"
	"meetscan/analysis/reqs"
	"meetscan/analysis/taxonomy"
	"meetscan/analysis/text"
	"meetscan/data"
)

// doc is one article prepared for the extractors.
type doc struct {
	orig   []string // paragraphs as written
	folded []string // same, traditional characters folded (same byte offsets)
	skip   []bool   // not report text: title, metadata, navigation, footer
	title  string   // folded title (given, or guessed from the first line)
	titleP int      // index of the paragraph that is the title, or -1
	// prepended: paragraph 0 is art.Title, added in front of the body.
	prepended bool
}

// Analyze extracts everything from one article. It never panics on any
// input and is safe for concurrent use.
func (a *Analyzer) Analyze(art *data.Article) *data.Analysis {
	out := &data.Analysis{Version: a.version}
	if art == nil {
		return out
	}
	d := prepare(art)
	if len(d.orig) == 0 {
		return out
	}

	// Languages: one per body paragraph, aligned with art.Paragraphs().
	first := 0
	if d.prepended {
		first = 1
	}
	// Folding keeps Han characters Han, so the originals count the same.
	out.Paragraphs, out.Lang = text.Langs(d.orig, first)

	body := d.body()

	// Meeting facts.
	out.MeetingType = meeting.Type(d.title, body)
	out.Attendance = meeting.Attendance(body)
	out.Org = d.origOf(meeting.Org(d.title, body))
	out.PeriodYear = dates.PeriodYear(d.title, body)
	out.MeetingDate = meetingDate(art, d, body, out.PeriodYear, out.MeetingType)

	// People, requirements, speakers.
	ppl := people.Extract(d.folded, d.orig, lexicon{a.seg})
	out.People = ppl.People
	// Themes per paragraph first: a requirement of a paragraph without
	// any theme has none either, and skipping its matching saves a
	// segmentation pass.
	// Each paragraph is segmented once; the token ends serve paragraph
	// themes, requirement themes and keywords.
	paraHits := make([][]data.ThemeHit, len(d.orig))
	cuts := make([][]int, len(d.orig))
	// The token ends of all paragraphs share one backing array.
	ends := make([]int, 0, len(art.Body)/4)
	for i, p := range d.folded {
		if !d.skip[i] || i == d.titleP {
			start := len(ends)
			ends = a.cutter.Ends(ends, p)
			cuts[i] = ends[start:len(ends):len(ends)]
			paraHits[i] = a.matcher.MatchCut(p, cuts[i])
		}
	}
	items := reqs.Extract(d.folded, d.skip)
	cst := newCast(ppl)
	presider := presiderOf(d, cst)
	counts := map[int]int{}
	var order []int // speakers in order of their first requirement
	for _, it := range items {
		sp := speakerOf(d, it, cst, presider)
		r := data.Requirement{Text: d.orig[it.Para][it.Start:it.End]}
		if sp >= 0 {
			r.Speaker = ppl.People[sp].Name
			if counts[sp] == 0 {
				order = append(order, sp)
			}
			counts[sp]++
		}
		if len(paraHits[it.Para]) > 0 {
			for _, h := range a.matcher.MatchCutSpan(d.folded[it.Para], cuts[it.Para], it.Start, it.End) {
				r.Themes = append(r.Themes, h.ID)
			}
		}
		out.Requirements = append(out.Requirements, r)
	}
	// The article's speaker put forward most requirements; ties go to
	// the one who spoke first.
	best := -1
	for _, sp := range order {
		if best < 0 || counts[sp] > counts[best] {
			best = sp
		}
	}
	if best < 0 {
		best = presider
	}
	if best >= 0 {
		out.Speaker = ppl.People[best].Name
	}

	// Themes, keywords, slogans.
	// People's names are facts of the article, not keywords.
	nameParts := map[string]bool{}
	for _, p := range out.People {
		nameParts[text.Simplify(p.Name)] = true
		if rs := []rune(text.Simplify(p.Name)); len(rs) == 3 {
			nameParts[string(rs[1:])] = true // gse often cuts 高|志远
		}
		for _, f := range strings.Fields(strings.ToLower(p.Name)) {
			nameParts[f] = true
		}
	}
	kw := keywords.NewCounter(a.stops, nameParts)
	seen := map[string]bool{}
	for i, p := range d.orig {
		if d.skip[i] && i != d.titleP {
			continue
		}
		kw.TokenizeCut(d.folded[i], cuts[i])
		for _, s := range keywords.Slogans(p) {
			if !seen[s] {
				seen[s] = true
				out.Slogans = append(out.Slogans, s)
			}
		}
	}
	out.Themes = taxonomy.MergeHits(paraHits...)
	out.Keywords = kw.Top(a.idf, 10)
	return out
}

// prepare splits the article into paragraphs, folds traditional
// characters and marks the paragraphs that are not report text.
func prepare(art *data.Article) *doc {
	d := &doc{titleP: -1}
	for _, p := range strings.Split(art.Body, "\n") {
		p = strings.TrimSpace(strings.ToValidUTF8(p, "\uFFFD"))
		if p != "" {
			d.orig = append(d.orig, p)
		}
	}
	d.folded = make([]string, len(d.orig))
	d.skip = make([]bool, len(d.orig))
	for i, p := range d.orig {
		d.folded[i] = text.Simplify(p)
		d.skip[i] = dates.IsMetaLine(d.folded[i]) || isNavLine(d.folded[i])
	}
	d.title = text.Simplify(strings.TrimSpace(strings.ToValidUTF8(art.Title, "\uFFFD")))
	found := false
	for i, p := range d.folded {
		if d.title != "" && p == d.title {
			d.titleP, d.skip[i] = i, true
			found = true
			break
		}
	}
	if d.title != "" && !found {
		// Importers take the first line of a text file as its title even
		// when it is the first paragraph ("2018年1月4日，学院党委召开…"):
		// such a "title" is analysed as text. A real title is kept as
		// paragraph 0 too (people and themes may be named in it), but no
		// requirement or date is read from it.
		orig := strings.TrimSpace(strings.ToValidUTF8(art.Title, "\uFFFD"))
		d.orig = append([]string{orig}, d.orig...)
		d.prepended = true
		d.folded = append([]string{d.title}, d.folded...)
		if looksLikeTitle(d.title) {
			d.skip = append([]bool{true}, d.skip...)
			d.titleP = 0
		} else {
			d.skip = append([]bool{dates.IsMetaLine(d.title)}, d.skip...)
			d.title = ""
		}
	}
	if d.title == "" {
		// Saved pages often start with the title line: the first
		// paragraph that is short and does not end like a sentence.
		for i, p := range d.folded {
			if d.skip[i] {
				continue
			}
			if looksLikeTitle(p) {
				d.title, d.titleP, d.skip[i] = p, i, true
			}
			break
		}
	}
	return d
}

// isNavLine reports whether a paragraph is page navigation or a contact
// line ("当前位置：", "上一篇", "Tel: …"), ASCII case folded.
func isNavLine(s string) bool {
	for _, w := range [...]string{"your location", "current location", "您目前所在位置", "当前位置", "您的位置", "相关新闻", "上一篇", "下一篇", "返回", "打印", "关闭"} {
		if text.HasPrefixFold(s, w) {
			return true
		}
	}
	// (?i) lets ſ stand for s in "related news".
	if text.HasPrefixFold(s, "related new") {
		rest := s[len("related new"):]
		return strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "S") || strings.HasPrefix(rest, "ſ")
	}
	for _, w := range [...]string{"add", "tel.", "tel", "fax", "email", "e-mail"} {
		if !text.HasPrefixFold(s, w) {
			continue
		}
		rest := strings.TrimLeft(s[len(w):], " \t\n\f\r")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
			return true
		}
	}
	return false
}

func looksLikeTitle(p string) bool {
	n := utf8.RuneCountInString(p)
	han, latin := text.Counts(p)
	if han > 0 && han*3 >= latin {
		if n > 60 {
			return false
		}
	} else if n > 220 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune("。.！!？?；;:：,，", last) && !strings.Contains(p, "。")
}

// body returns the folded paragraphs that are report text.
func (d *doc) body() []string {
	out := make([]string, 0, len(d.folded))
	for i, p := range d.folded {
		if !d.skip[i] {
			out = append(out, p)
		}
	}
	return out
}

// origOf maps a substring of the folded text back to the text as written
// (same bytes at the same place, since folding keeps lengths).
func (d *doc) origOf(s string) string {
	if s == "" {
		return ""
	}
	for i, p := range d.folded {
		if k := strings.Index(p, s); k >= 0 {
			return d.orig[i][k : k+len(s)]
		}
	}
	return s
}

// meetingDate finds and resolves the meeting date.
func meetingDate(art *data.Article, d *doc, body []string, period int, typ string) string {
	ref := dates.FromTime(art.Published.Time.In(data.Shanghai))
	if art.Published.IsZero() {
		ref = dates.Date{}
		if p, ok := dates.Published(d.folded); ok {
			ref = p
		} else if u, ok := dates.FromURL(art.URL); ok {
			ref = u
		}
	}
	m, ok := dates.Meeting(body)
	if !ok {
		return ""
	}
	var years []int
	for _, p := range body {
		years = append(years, dates.Years(p)...)
	}
	backward := typ == data.MeetingReview || typ == data.MeetingDemocraticLife
	return dates.Resolve(m.Date, ref, period, backward, years).String()
}

var (
	speechRe  = regexp.MustCompile(`(?i)讲话|致辞|作总结|点评|(?:delivered|made|gave) (?:a |an )?(?:important |concluding |summary )?speech|concluding speech|summed up`)
	presideRe = regexp.MustCompile(`(?i)主持|presid|chair(?:ed)? (?:by|the)`)
)

// presiderOf returns the leading person of the meeting, to whom
// requirements "the meeting" put forward are attributed: the one who gave
// the (concluding) speech, else the one who presided. In the first
// sentence saying so, it is the name right before the verb ("李友生主持会议")
// or, in English, right after "by" ("presided over by …"). -1 when none is
// named.
func presiderOf(d *doc, c *cast) int {
	if sp := leadBy(d, c, speechIndex, speechWords); sp >= 0 {
		return sp
	}
	return leadBy(d, c, presideIndex, presideWords)
}

// speechZh are speechRe's Chinese alternatives.
var speechZh = []string{"讲话", "致辞", "作总结", "点评"}

// Plain-string pre-checks of speechRe and presideRe (lower case).
var (
	speechWords  = append(slices.Clip(speechZh), "speech", "summed up")
	presideWords = []string{"主持", "presid", "chair"}
)

// foldsToASCII reports whether s holds one of the two non-ASCII letters
// that (?i) folds onto ASCII ones (ſ = s, K = k): texts with them take the
// regexp, which knows those foldings, instead of the plain scans.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

// speechIndex returns where speechRe first matches s, or -1. It scans by
// hand, trying the alternatives at each byte: the leftmost place any of
// them matches is where the regexp's match starts.
func speechIndex(s string) int {
	if foldsToASCII(s) {
		if loc := speechRe.FindStringIndex(s); loc != nil {
			return loc[0]
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c | 0x20 {
		case 'd', 'm', 'g':
			if c >= 0x80 {
				break
			}
			if n := verbLen(s[i:]); n > 0 && speechAfterVerb(s[i+n:]) {
				return i
			}
		case 'c':
			if text.HasPrefixFold(s[i:], "concluding speech") {
				return i
			}
		case 's':
			if text.HasPrefixFold(s[i:], "summed up") {
				return i
			}
		}
		if c >= 0x80 {
			for _, w := range speechZh {
				if strings.HasPrefix(s[i:], w) {
					return i
				}
			}
		}
	}
	return -1
}

// verbLen returns the length of "delivered ", "made " or "gave " at the
// start of s (ASCII case folded), or 0.
func verbLen(s string) int {
	for _, v := range [...]string{"delivered ", "made ", "gave "} {
		if text.HasPrefixFold(s, v) {
			return len(v)
		}
	}
	return 0
}

// speechAfterVerb reports whether s starts with "(a |an )?(important
// |concluding |summary )?speech", ASCII case folded.
func speechAfterVerb(s string) bool {
	for _, art := range [...]string{"a ", "an ", ""} {
		if !text.HasPrefixFold(s, art) {
			continue
		}
		rest := s[len(art):]
		for _, adj := range [...]string{"important ", "concluding ", "summary ", ""} {
			if text.HasPrefixFold(rest, adj) && text.HasPrefixFold(rest[len(adj):], "speech") {
				return true
			}
		}
	}
	return false
}

// presideIndex returns where presideRe first matches s, or -1, by plain
// search: its alternatives are literals (ASCII case folded) that start
// with different letters, so the first place any of them occurs is the
// match.
func presideIndex(s string) int {
	if foldsToASCII(s) {
		if loc := presideRe.FindStringIndex(s); loc != nil {
			return loc[0]
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'p':
			if text.HasPrefixFold(s[i:], "presid") {
				return i
			}
		case 'c':
			for _, w := range [...]string{"chair by", "chair the", "chaired by", "chaired the"} {
				if text.HasPrefixFold(s[i:], w) {
					return i
				}
			}
		}
		if s[i] == "主"[0] && strings.HasPrefix(s[i:], "主持") {
			return i
		}
	}
	return -1
}

// containsAnyFold reports whether s contains any of words (lower case
// ASCII or caseless Han), ASCII case folded, without lowering s.
func containsAnyFold(s string, words []string) bool {
	for _, w := range words {
		if w[0] >= 0x80 {
			if strings.Contains(s, w) {
				return true
			}
			continue
		}
		for i := 0; i+len(w) <= len(s); i++ {
			if s[i]|0x20 == w[0] && text.HasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// leadBy returns the person named next to the first cue (found by index,
// -1 when a sentence has none) of the paragraphs, or -1.
func leadBy(d *doc, c *cast, index func(string) int, words []string) int {
	for pi, p := range d.folded {
		if d.skip[pi] {
			continue
		}
		if !containsAnyFold(p, words) && !foldsToASCII(p) {
			continue
		}
		for _, sp := range text.Sentences(p) {
			at := index(p[sp.Start:sp.End])
			if at < 0 {
				continue
			}
			k := sp.Start + at
			before, after := -1, -1
			for _, m := range c.byPara[pi] {
				if m.Start < sp.Start || m.Start >= sp.End {
					continue
				}
				if m.Start < k {
					before = m.Person
				} else if after < 0 {
					after = m.Person
				}
			}
			if strings.Contains(p[k:sp.End], " by") && after >= 0 {
				return after
			}
			if before >= 0 {
				return before
			}
			if after >= 0 {
				return after
			}
		}
	}
	return -1
}

// speaks reports whether a person can be a speaker: people credited only
// as authors, reporters or editors are not.
func speaks(p data.Person) bool {
	if len(p.Roles) == 0 {
		return true
	}
	for _, r := range p.Roles {
		if !isCreditRole(r) {
			return true
		}
	}
	return false
}

// creditRoles are the roles of people credited for the report rather than
// taking part in it.
var creditRoles = []string{"作者", "通讯员", "记者", "供稿", "撰稿", "摄影", "摄像", "责任编辑", "编辑", "审核", "审稿", "校对", "初审", "复审", "终审", "文字", "图片", "撰文", "文", "图", "摄", "审", "文、摄",
	"submitted by", "written by", "author", "editor", "reporter", "correspondent", "source", "contributed by", "photo by", "photographed by"}

// isCreditRole reports whether role is one of creditRoles, case folded as
// (?i) folds (EqualFold: ſ is s, K is k).
func isCreditRole(role string) bool {
	for _, w := range creditRoles {
		if strings.EqualFold(role, w) {
			return true
		}
	}
	return false
}

// hasPronoun reports whether s holds a personal pronoun that refers back to
// someone named before: 他/她 at the start or after punctuation or a space,
// or He/She/he/she as a whole word.
func hasPronoun(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case "他"[0], "她"[0]:
			if !strings.HasPrefix(s[i:], "他") && !strings.HasPrefix(s[i:], "她") {
				continue
			}
			if i == 0 || strings.ContainsRune(" \t\n\f\r,;", rune(s[i-1])) {
				return true
			}
			for _, p := range [...]string{"，", "。", "；"} {
				if strings.HasSuffix(s[:i], p) {
					return true
				}
			}
		case 'H', 'h', 'S', 's':
			if i > 0 && isWordByte(s[i-1]) {
				continue
			}
			for _, w := range [...]string{"He", "he", "She", "she"} {
				if strings.HasPrefix(s[i:], w) && (i+len(w) == len(s) || !isWordByte(s[i+len(w)])) {
					return true
				}
			}
		}
	}
	return false
}

// isWordByte is RE2's \w: an ASCII letter, digit or underscore.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// cast indexes an article's mentions for speaker attribution: who can
// speak (credited authors cannot) and the mentions of each paragraph.
type cast struct {
	ppl      people.Result
	canSpeak []bool
	byPara   map[int][]people.Mention // in text order
	order    []people.Mention         // speaking mentions, in text order
}

func newCast(ppl people.Result) *cast {
	c := &cast{ppl: ppl, canSpeak: make([]bool, len(ppl.People)), byPara: map[int][]people.Mention{}}
	for i, p := range ppl.People {
		c.canSpeak[i] = speaks(p)
	}
	for _, m := range ppl.Mentions {
		if c.canSpeak[m.Person] {
			c.byPara[m.Para] = append(c.byPara[m.Para], m)
			c.order = append(c.order, m)
		}
	}
	return c
}

// last returns the last speaking person mentioned in paragraph para before
// byte offset before, or -1.
func (c *cast) last(para, before int) int {
	ms := c.byPara[para]
	k := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= before })
	if k == 0 {
		return -1
	}
	return ms[k-1].Person
}

// lastBeforePara returns the last speaking person mentioned in a paragraph
// before para, or -1.
func (c *cast) lastBeforePara(para int) int {
	k := sort.Search(len(c.order), func(k int) bool { return c.order[k].Para >= para })
	if k == 0 {
		return -1
	}
	return c.order[k-1].Person
}

// speakerOf attributes a requirement: the last person mentioned before it
// in its paragraph (or named in it before its directive word); after a
// pronoun ("He put forward…", "他强调…") the last person named before; for
// a list written one item per paragraph, the person of the announcing
// paragraph; else the presider.
func speakerOf(d *doc, it reqs.Item, c *cast, presider int) int {
	if sp := c.last(it.Para, max(it.Start, it.Cue)); sp >= 0 {
		return sp
	}
	para, cue := it.Para, it.Cue
	if it.Lead >= 0 {
		if sp := c.last(it.Lead, len(d.folded[it.Lead])); sp >= 0 {
			return sp
		}
		para, cue = it.Lead, len(d.folded[it.Lead])
	}
	// Only the text shortly before the cue can hold the pronoun (and a
	// window keeps long paragraphs linear).
	if hasPronoun(d.folded[para][max(0, cue-300):cue]) {
		if sp := c.lastBeforePara(para); sp >= 0 {
			return sp
		}
	}
	return presider
}
