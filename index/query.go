package index

import (
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"meetscan/data"
)

// clause is one element of a query string: [+|-][field:]value.
type clause struct {
	occur  byte // '+', '-' or 0
	field  string
	value  string
	phrase bool
	raw    string // the clause as written, for bleve's own parser
}

// parseQueryString splits a query string into clauses. It understands
// what meetscan builds itself (words, "phrases", +/-, field:value); a
// clause with bleve-only syntax (wildcards, fuzziness, boosts, regexps) is
// kept raw and handed to bleve's query-string parser.
func parseQueryString(q string) ([]clause, error) {
	var out []clause
	i := 0
	for i < len(q) {
		r, n := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) || r == '\u3000' {
			i += n
			continue
		}
		start := i
		var c clause
		if r == '+' || r == '-' {
			c.occur = byte(r)
			i++
		}
		// field:
		if j := fieldPrefixEnd(q[i:]); j > 0 {
			c.field = strings.ToLower(q[i : i+j-1])
			i += j
		}
		if i < len(q) && (q[i] == '"' || strings.HasPrefix(q[i:], "“")) {
			open := 1
			if q[i] != '"' {
				open = len("“")
			}
			rest := q[i+open:]
			end := strings.IndexAny(rest, "\"”")
			if end < 0 {
				return nil, fmt.Errorf("%w: unterminated phrase starting at %q", ErrBadQuery, q[start:])
			}
			_, closeLen := utf8.DecodeRuneInString(rest[end:])
			c.value = rest[:end]
			c.phrase = true
			i += open + end + closeLen
		} else {
			j := i
			for j < len(q) {
				r, n := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '\u3000' {
					break
				}
				j += n
			}
			c.value = q[i:j]
			i = j
		}
		c.raw = q[start:i]
		if c.value == "" && !c.phrase {
			if c.field != "" {
				return nil, fmt.Errorf("%w: field %q has no value", ErrBadQuery, c.field)
			}
			if c.occur != 0 {
				// A lone "+" or "-": ignore, as a search box user expects.
				continue
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// fieldPrefixEnd returns the length of a leading "name:" (ASCII letters and
// underscore) or 0.
func fieldPrefixEnd(s string) int {
	for j := 0; j < len(s) && j < 20; j++ {
		ch := s[j]
		switch {
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', ch == '_':
			continue
		case ch == ':' && j > 0:
			// "http://…" is text, not the field http.
			if j+1 < len(s) && s[j+1] != ' ' && !strings.HasPrefix(s[j+1:], "//") {
				return j + 1
			}
			return 0
		}
		return 0
	}
	return 0
}

// needsBleveParser reports whether a value uses syntax meetscan does not
// build itself.
func needsBleveParser(v string) bool {
	return strings.ContainsAny(v, "*?~^/\\")
}

// Field aliases accepted in queries -> index field (or pseudo field).
var queryFields = map[string]string{
	"title": fTitle, "body": fBody, "text": fBody,
	"org": fOrg, "organization": fOrg, "organisation": fOrg,
	"person": fPeople, "people": fPeople, "speaker": fPeople,
	"role": fRoles, "roles": fRoles,
	"theme": fThemes, "themes": fThemes,
	"type": fType, "lang": fLang, "language": fLang,
	"year": fYear, "date": fDate, "published": fPublished,
	"req": fReqs, "requirement": fReqs, "requirements": fReqs,
	"url": fURL, "keyword": fKeywords, "keywords": fKeywords,
}

// queryBuilder turns clauses into bleve queries with the query-time
// analyzer (plain words, no sub-words: the index holds the sub-words).
type queryBuilder struct {
	tok        *Tokenizer // plain words
	subTok     *Tokenizer // with sub-words, for the relaxed query
	defaultFld string
	// docFreq returns the share of articles containing a term in the
	// default field; relaxed drops words too common to say anything.
	docFreq func(term string) float64
	// docCount returns the number of articles containing a term in field.
	docCount func(field, term string) int
}

// splitWordMaxDocs: a query word found in fewer articles than this also
// matches its dictionary parts in sequence, unless even its rarest part is
// in more than splitPartMaxShare of the articles (then the phrase check
// would visit too many articles: 基层党建 over 基层 and 党建).
const (
	splitWordMaxDocs  = 50
	splitPartMaxShare = 0.1
)

// rarestPartShare is the smallest document share among the parts.
func (b *queryBuilder) rarestPartShare(field string, parts [][]string) float64 {
	if b.docFreq == nil {
		return 0
	}
	share := 1.0
	for _, p := range parts {
		if len(p) == 1 {
			share = min(share, b.docFreq(p[0]))
		}
	}
	return share
}

// maxPartialDF is the largest share of articles a word may occur in to be
// used for partial matches (学习 or "meeting" alone would match most).
const maxPartialDF = 0.35

// relaxed returns the partial-match query for clauses: articles that do
// not match strict but contain any word or sub-word of the plain text
// clauses (what a bigram OR search finds), with the field and exclusion
// clauses still applied. It is nil when the text has fewer than two
// distinct words, so that relaxing could not find anything new, or when all
// its words are too common (maxPartialDF) to be worth a partial match.
func (b *queryBuilder) relaxed(clauses []clause, strict query.Query) query.Query {
	seen := map[string]bool{}
	nwords := 0
	var words []query.Query
	var must, mustNot []query.Query
	for _, c := range clauses {
		switch {
		case c.occur == '-':
			if q, err := b.clauseQuery(c); err == nil && q != nil {
				mustNot = append(mustNot, q)
			}
			continue
		case c.field != "" || needsBleveParser(c.value):
			if q, err := b.clauseQuery(c); err == nil && q != nil {
				must = append(must, q)
			}
			continue
		}
		for _, t := range b.subTok.Tokenize([]byte(c.value)) {
			w := string(t.Term)
			if seen[w] || enStop[w] || zhStop[w] || (t.Type == analysis.Ideographic && utf8.RuneCountInString(w) < 2) {
				continue
			}
			seen[w] = true
			nwords++
			if b.docFreq != nil && b.docFreq(w) > maxPartialDF {
				continue
			}
			words = append(words, termQuery(b.defaultFld, w))
		}
	}
	if nwords < 2 || len(words) == 0 || strict == nil {
		return nil
	}
	must = append(must, query.NewDisjunctionQuery(words))
	return query.NewBooleanQuery(must, nil, append(mustNot, strict))
}

// build returns the query for the parsed clauses. Bare and phrase clauses
// are required (AND), "-" clauses excluded; "+" is accepted for
// compatibility with bleve's syntax.
func (b *queryBuilder) build(clauses []clause) (query.Query, error) {
	var must, mustNot []query.Query
	for _, c := range clauses {
		q, err := b.clauseQuery(c)
		if err != nil {
			return nil, err
		}
		if q == nil {
			continue
		}
		if c.occur == '-' {
			mustNot = append(mustNot, q)
		} else {
			must = append(must, q)
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return nil, nil
	}
	if len(must) == 0 {
		must = []query.Query{query.NewMatchAllQuery()}
	}
	if len(mustNot) == 0 && len(must) == 1 {
		return must[0], nil
	}
	bq := query.NewBooleanQuery(must, nil, mustNot)
	return bq, nil
}

func (b *queryBuilder) clauseQuery(c clause) (query.Query, error) {
	if !c.phrase && needsBleveParser(c.value) {
		raw := c.raw
		if c.occur != 0 {
			raw = raw[1:]
		}
		if c.field != "" {
			if f, ok := queryFields[c.field]; ok {
				raw = f + ":" + c.value
			}
		}
		if v := c.value; len(v) >= 2 && v[0] == '/' && v[len(v)-1] == '/' {
			// bleve checks a /regexp/ only when it searches; check it
			// here so that a bad one is the user's error, with Go's
			// message (bleve's regexps are Go's syntax).
			if _, err := syntax.Parse(v[1:len(v)-1], syntax.Perl); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
			}
		}
		q, err := query.NewQueryStringQuery(raw).Parse()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
		return q, nil
	}
	if c.field == "" {
		return b.textQuery(b.defaultFld, c.value, c.phrase), nil
	}
	f, ok := queryFields[c.field]
	if !ok {
		return nil, fmt.Errorf("%w: unknown field %q (known: title, body, org, person, role, theme, type, lang, year, date, req, url, keyword)", ErrBadQuery, c.field)
	}
	switch f {
	case fTitle, fBody, fRoles, fReqs:
		return b.textQuery(f, c.value, c.phrase), nil
	case fOrg:
		exact := query.NewTermQuery(c.value)
		exact.SetField(fOrgExact)
		return query.NewDisjunctionQuery([]query.Query{exact, b.textQuery(fOrg, c.value, true)}), nil
	case fPeople, fThemes, fType, fLang, fURL, fKeywords:
		t := query.NewTermQuery(c.value)
		t.SetField(f)
		return t, nil
	case fYear:
		return yearQuery(c.value)
	case fDate, fPublished:
		return dateQuery(f, c.value)
	}
	return nil, fmt.Errorf("%w: field %q", ErrBadQuery, c.field)
}

// yearQuery: 2023, >2020, >=2020, <2023, <=2023, 2019..2021.
func yearQuery(v string) (query.Query, error) {
	op, num := splitOp(v)
	if lo, hi, ok := strings.Cut(num, ".."); ok && op == "" {
		a, err1 := strconv.Atoi(lo)
		z, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%w: year range %q", ErrBadQuery, v)
		}
		return yearRange(a, z), nil
	}
	y, err := strconv.Atoi(num)
	if err != nil {
		return nil, fmt.Errorf("%w: year %q is not a number", ErrBadQuery, v)
	}
	switch op {
	case "":
		return yearRange(y, y), nil
	case ">":
		return yearRange(y+1, 9999), nil
	case ">=":
		return yearRange(y, 9999), nil
	case "<":
		return yearRange(0, y-1), nil
	default: // "<="
		return yearRange(0, y), nil
	}
}

func yearRange(lo, hi int) query.Query {
	a, z := float64(lo), float64(hi)
	t, f := true, true
	q := query.NewNumericRangeInclusiveQuery(&a, &z, &t, &f)
	q.SetField(fYear)
	return q
}

func splitOp(v string) (op, rest string) {
	for _, o := range []string{">=", "<=", ">", "<"} {
		if strings.HasPrefix(v, o) {
			return o, v[len(o):]
		}
	}
	return "", v
}

// dateQuery: 2023, 2023-05, 2023-05-01 (the whole period) or with
// >, >=, <, <= .
func dateQuery(field, v string) (query.Query, error) {
	op, d := splitOp(v)
	lo, err := ParseDateBound(d, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	hi, _ := ParseDateBound(d, true) // exclusive end of the period
	var start, end time.Time
	switch op {
	case "":
		start, end = lo, hi
	case ">":
		start = hi
	case ">=":
		start = lo
	case "<":
		end = lo
	case "<=":
		end = hi
	}
	return dateRange(field, start, end), nil
}

// dateRange is [start, end); zero bounds are open.
func dateRange(field string, start, end time.Time) query.Query {
	t, f := true, false
	q := query.NewDateRangeInclusiveQuery(start, end, &t, &f)
	q.SetField(field)
	return q
}

// textQuery matches text in field with meetscan's Chinese-aware rules:
//   - a phrase: the words at consecutive positions;
//   - Latin words: each required, English stop words dropped;
//   - a run of Chinese words (全面从严治党): each word of two or more
//     characters required, the whole run as a phrase scoring higher;
//   - a lone Chinese character: inside any word (党 finds 党建);
//   - a Chinese word also matches where the text splits it into its
//     dictionary parts (光荣传统 in ...光荣|传统...).
func (b *queryBuilder) textQuery(field, text string, phrase bool) query.Query {
	toks := b.tok.Tokenize([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	if phrase {
		if len(toks) == 1 {
			return b.wordQuery(field, toks[0])
		}
		if pairs := latinPairs(field, text, toks); pairs != nil {
			// The index holds adjacent English words as pairs: two
			// words are one term; longer phrases check positions only
			// in articles holding every pair.
			if len(pairs) == 1 {
				return pairs[0]
			}
			return query.NewConjunctionQuery(append(pairs, phraseOf(field, toks)))
		}
		return phraseOf(field, toks)
	}
	var must []query.Query
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Type != analysis.Ideographic {
			if !enStop[string(t.Term)] || len(toks) == 1 {
				must = append(must, b.wordQuery(field, t))
			}
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Type == analysis.Ideographic && toks[j].Start == toks[j-1].End {
			j++
		}
		must = append(must, b.runQuery(field, toks[i:j]))
		i = j
	}
	must = compact(must)
	switch len(must) {
	case 0:
		// Only stop words: require them all as a phrase.
		return phraseOf(field, toks)
	case 1:
		return must[0]
	}
	return query.NewConjunctionQuery(must)
}

// singleChars returns the plain (not excluded, not field-qualified)
// clauses that are one Han character.
func (b *queryBuilder) singleChars(clauses []clause) []string {
	var out []string
	for _, c := range clauses {
		if c.occur == '-' || c.field != "" || needsBleveParser(c.value) {
			continue
		}
		toks := b.tok.Tokenize([]byte(c.value))
		if len(toks) != 1 {
			continue
		}
		if r, n := utf8.DecodeRune(toks[0].Term); n == len(toks[0].Term) && unicode.Is(unicode.Han, r) {
			out = append(out, string(toks[0].Term))
		}
	}
	return out
}

// latinPairs returns term queries for the word pairs of a phrase made
// only of Latin words separated by spaces or hyphens, or nil.
func latinPairs(field, text string, toks analysis.TokenStream) []query.Query {
	var out []query.Query
	for i, t := range toks {
		if t.Type != analysis.AlphaNumeric {
			return nil
		}
		if i == 0 {
			continue
		}
		prev := toks[i-1]
		if t.Position != prev.Position+1 || !onlyJoiners([]byte(text[prev.End:t.Start])) {
			return nil
		}
		out = append(out, termQuery(field, string(pairTerm(prev.Term, t.Term))))
	}
	return out
}

// runQuery handles a run of Chinese words written without spaces.
func (b *queryBuilder) runQuery(field string, run analysis.TokenStream) query.Query {
	if len(run) == 1 {
		return b.wordQuery(field, run[0])
	}
	var words []query.Query
	for _, t := range run {
		if utf8.RuneCount(t.Term) >= 2 && !zhStop[string(t.Term)] {
			words = append(words, b.wordQuery(field, t))
		}
	}
	ph := phraseOf(field, run)
	if len(words) == 0 {
		// All single characters (unknown names like 铜普镇): a phrase.
		return ph
	}
	ph.SetBoost(2)
	bq := query.NewBooleanQuery(words, []query.Query{ph}, nil)
	return bq
}

// wordQuery matches one analysed word.
func (b *queryBuilder) wordQuery(field string, t *analysis.Token) query.Query {
	term := string(t.Term)
	tq := termQuery(field, term)
	if t.Type != analysis.Ideographic {
		return tq
	}
	if utf8.RuneCountInString(term) == 1 {
		if !unicode.Is(unicode.Han, []rune(term)[0]) {
			return tq
		}
		if field == b.defaultFld {
			// Any title or body containing the character; the term
			// query on the field scores (and highlights) standalone uses.
			cq := query.NewTermQuery(term)
			cq.SetField(fChars)
			return query.NewDisjunctionQuery([]query.Query{tq, cq})
		}
		w := query.NewWildcardQuery("*" + term + "*")
		w.SetField(field)
		return query.NewDisjunctionQuery([]query.Query{tq, w})
	}
	// A word that is rare as a token may be split by its context in the
	// texts (…光荣|传统…): also accept its parts in sequence. A common
	// word is skipped: the phrase check over every article holding both
	// parts is costly, and the few split occurrences add little.
	if utf8.RuneCountInString(term) >= 3 && (b.docCount == nil || b.docCount(field, term) < splitWordMaxDocs) {
		if parts := b.tok.parts(term); len(parts) >= 2 && b.rarestPartShare(field, parts) <= splitPartMaxShare {
			return query.NewDisjunctionQuery([]query.Query{tq, multiPhrase(field, parts)})
		}
	}
	return tq
}

// parts returns the direct dictionary sub-words of a word as phrase slots
// (光荣传统 -> [光荣] [] [传统] []), or nil when the word has no parts
// covering it.
func (t *Tokenizer) parts(word string) [][]string {
	segs := t.seg.Segment([]byte(word))
	if len(segs) != 1 || segs[0].Token() == nil {
		return nil
	}
	subs := segs[0].Token().Segments()
	if len(subs) < 2 {
		return nil
	}
	slots := make([][]string, countUnits([]byte(word)))
	covered := 0
	for _, s := range subs {
		if s.Start() != covered || s.End() > len(word) {
			return nil
		}
		at := countUnits([]byte(word[:covered]))
		slots[at] = []string{string(foldTerm([]byte(word[s.Start():s.End()])))}
		covered = s.End()
	}
	if covered != len(word) {
		return nil
	}
	return slots
}

// phraseOf is a phrase of the tokens at their relative positions; the
// positions between (the rest of a Chinese word) match anything.
func phraseOf(field string, toks analysis.TokenStream) boostQuery {
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first = min(first, t.Position)
		last = max(last, t.Position)
	}
	slots := make([][]string, last-first+1)
	for _, t := range toks {
		slots[t.Position-first] = append(slots[t.Position-first], string(t.Term))
	}
	return multiPhrase(field, slots)
}

// textFieldBoost weighs the short fields against the body in a search of
// every text field: a word in a short field has a high idf there, and
// bleve's disjunction multiplies by the share of clauses matched, so
// unweighted a title match would outweigh the body's evidence.
var textFieldBoost = map[string]float64{fOrg: 0.3, fRoles: 0.3}

// boostQuery is a query whose weight can be set.
type boostQuery interface {
	query.Query
	SetBoost(b float64)
}

// termQuery matches term in field, or in any of the text fields for
// allField.
func termQuery(field, term string) boostQuery {
	fs := fieldsOf(field)
	if len(fs) == 1 {
		tq := query.NewTermQuery(term)
		tq.SetField(fs[0])
		return tq
	}
	qs := make([]query.Query, len(fs))
	for i, f := range fs {
		tq := query.NewTermQuery(term)
		tq.SetField(f)
		if w, ok := textFieldBoost[f]; ok {
			tq.SetBoost(w)
		}
		qs[i] = tq
	}
	return query.NewDisjunctionQuery(qs)
}

// multiPhrase is the phrase in field, or in any of the text fields for
// allField (a phrase does not run from one field into the next).
func multiPhrase(field string, slots [][]string) boostQuery {
	fs := fieldsOf(field)
	if len(fs) == 1 {
		return query.NewMultiPhraseQuery(slots, fs[0])
	}
	qs := make([]query.Query, len(fs))
	for i, f := range fs {
		pq := query.NewMultiPhraseQuery(slots, f)
		if w, ok := textFieldBoost[f]; ok {
			pq.SetBoost(w)
		}
		qs[i] = pq
	}
	return query.NewDisjunctionQuery(qs)
}

func compact(qs []query.Query) []query.Query {
	out := qs[:0]
	for _, q := range qs {
		if q != nil {
			out = append(out, q)
		}
	}
	return out
}

// enStop are English words too common to require (after stemming as the
// tokenizer stems them; none of these change under Porter).
var enStop = setOf("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into",
	"is", "it", "of", "on", "or", "that", "the", "to", "with", "was", "were", "thi", "this")

// zhStop are function words not required inside a Chinese run.
var zhStop = setOf("的", "了", "和", "与", "及", "在", "是", "对", "将", "把", "等", "并", "中", "上", "为")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// ParseDateBound parses "2023", "2023-05" or "2023-05-01" (also with / or
// .) in Shanghai time: the first day of the period, or with end its last
// day, which Request.To includes whole.
func ParseDateBound(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(strings.NewReplacer("/", "-", ".", "-").Replace(s))
	for _, l := range []struct {
		layout string
		y, m   int
		d      int
	}{{"2006-01-02", 0, 0, 1}, {"2006-1-2", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006-1", 0, 1, 0}, {"2006", 1, 0, 0}} {
		t, err := time.ParseInLocation(l.layout, s, data.Shanghai)
		if err != nil {
			continue
		}
		if end {
			t = t.AddDate(l.y, l.m, l.d-1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}
