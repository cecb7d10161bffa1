package index

import (
	"context"
	"fmt"
	"html"
	"meetscan/analysis/meeting"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	htmlhl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"meetscan/analysis/segment"
	"meetscan/analysis/taxonomy"
)

const (
	defaultLimit = 10
	maxLimit     = 1000
	maxWindow    = 10000
	// allField is the pseudo field a query without a field searches: any
	// of textFields. The index has no composite (_all) field: building it
	// cost a quarter of the indexing CPU and a third of the index size, and
	// a disjunction over the fields finds the same articles.
	allField = "_text"
)

// textFields are the fields allField stands for: the body field holds the
// title too (bodyText); requirement texts are in the body already.
var textFields = []string{fBody, fOrg, fRoles}

// fieldsOf expands allField into textFields.
func fieldsOf(field string) []string {
	if field == allField {
		return textFields
	}
	return []string{field}
}

// facetFields maps facet names to index fields.
var facetFields = map[string]string{
	FacetYear: fYearKW, FacetOrg: fOrgUnit, FacetTheme: fThemes, FacetType: fType,
	FacetPerson: fPeople, FacetLang: fLang, FacetKeyword: fKeywords,
}

// searchFacets are the facets Request.Facets asks for.
var searchFacets = []string{FacetYear, FacetOrg, FacetTheme, FacetType, FacetPerson, FacetLang}

var storedFields = []string{fTitle, fURL, fOrgExact, fType, fLang, fMeetDate, fPubStr, fYear}

// builder returns the query builder, loading the shared segmenter once.
func (ix *Index) builder() (*queryBuilder, error) {
	ix.qbOnce.Do(func() {
		var err error
		if ix.cfg.UserDict == "" {
			ix.seg, err = segment.Default()
		} else {
			ix.seg, err = segment.Shared(ix.cfg.UserDict)
		}
		ix.qbErr = err
	})
	if ix.qbErr != nil {
		return nil, fmt.Errorf("query analyzer: %w", ix.qbErr)
	}
	return &queryBuilder{tok: NewTokenizer(ix.seg, false), subTok: NewTokenizer(ix.seg, true),
		defaultFld: allField, docFreq: ix.docFreq, docCount: ix.docCount}, nil
}

// docFreq is the share of articles whose default field contains term.
func (ix *Index) docFreq(term string) float64 {
	n, total := ix.termDocs(allField, term)
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func (ix *Index) docCount(field, term string) int {
	n, _ := ix.termDocs(field, term)
	return n
}

// termDocs returns the number of articles whose field contains term and
// the number of articles.
//
// For allField it is the largest count among textFields (the body's,
// nearly always): a lower bound of the articles holding term anywhere.
func (ix *Index) termDocs(field, term string) (n, total int) {
	idx, release, err := ix.index()
	if err != nil {
		return 0, 0
	}
	defer release()
	adv, err := idx.Advanced()
	if err != nil {
		return 0, 0
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, 0
	}
	defer r.Close()
	docs, err := r.DocCount()
	if err != nil {
		return 0, 0
	}
	for _, f := range fieldsOf(field) {
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), f, false, false, false)
		if err != nil {
			continue
		}
		n = max(n, int(tfr.Count()))
		tfr.Close()
	}
	return n, int(docs)
}

// compiled is a request turned into queries.
type compiled struct {
	strict  query.Query // what Total counts
	relaxed query.Query // partial matches (nil when none are possible)
	themes  []ThemeRef
	// markChars are one-character query words: they match through the
	// chars field, which has no positions, so snippets get their marks
	// from markHit.
	markChars []string
}

// buildQuery combines the user query, the cross-lingual themes and the
// filters of req.
func (ix *Index) buildQuery(req Request) (query.Query, []ThemeRef, error) {
	c, err := ix.compile(req)
	if err != nil {
		return nil, nil, err
	}
	return c.strict, c.themes, nil
}

func (ix *Index) compile(req Request) (*compiled, error) {
	var conj []query.Query
	var themes []ThemeRef
	var relaxed query.Query
	var markChars []string
	if strings.TrimSpace(req.Query) != "" {
		// bleve's parser first: its message is what a user should see
		// for syntax errors, and it accepts what we hand it later.
		if _, err := query.NewQueryStringQuery(req.Query).Parse(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
		clauses, err := parseQueryString(req.Query)
		if err != nil {
			return nil, err
		}
		qb, err := ix.builder()
		if err != nil {
			return nil, err
		}
		uq, err := qb.build(clauses)
		if err != nil {
			return nil, err
		}
		themes = queryThemes(ix.cfg, themeText(clauses))
		if len(themes) > 0 && uq != nil {
			ors := []query.Query{uq}
			for _, t := range themes {
				tq := query.NewTermQuery(t.ID)
				tq.SetField(fThemes)
				ors = append(ors, tq)
			}
			uq = query.NewDisjunctionQuery(ors)
		}
		if uq == nil {
			// Only punctuation or spaces: searching for nothing must not
			// list everything.
			return nil, fmt.Errorf("%w: %q has no words to search for", ErrBadQuery, req.Query)
		}
		conj = append(conj, uq)
		relaxed = qb.relaxed(clauses, uq)
		markChars = qb.singleChars(clauses)
	}
	term := func(field, v string) {
		if v != "" {
			t := query.NewTermQuery(v)
			t.SetField(field)
			conj = append(conj, t)
		}
	}
	term(fOrgUnit, meeting.OrgUnit(req.Org))
	term(fPeople, req.Person)
	term(fThemes, req.Theme)
	term(fType, req.Type)
	term(fLang, req.Lang)
	if req.Year != 0 {
		conj = append(conj, yearRange(req.Year, req.Year))
	}
	if !req.From.IsZero() || !req.To.IsZero() {
		to := req.To
		if !to.IsZero() && to.Equal(dayStart(to)) {
			to = to.AddDate(0, 0, 1) // a date: the whole day
		}
		conj = append(conj, dateRange(fDate, req.From, to))
	}
	out := &compiled{themes: themes, markChars: markChars}
	switch len(conj) {
	case 0:
		out.strict = query.NewMatchAllQuery()
	case 1:
		out.strict = conj[0]
	default:
		out.strict = query.NewConjunctionQuery(conj)
	}
	if relaxed != nil {
		// conj[0] is the user query; the rest are the filters.
		out.relaxed = query.NewConjunctionQuery(append([]query.Query{relaxed}, conj[1:]...))
	}
	return out, nil
}

// themeText is the text of the plain (bare or phrase, not excluded,
// not field-qualified) clauses, where a theme name can appear.
func themeText(clauses []clause) string {
	var parts []string
	for _, c := range clauses {
		if c.field == "" && c.occur != '-' {
			parts = append(parts, c.value)
		}
	}
	return strings.Join(parts, " ")
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Search runs a search.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	cq, err := ix.compile(req)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	if limit > maxLimit {
		limit = maxLimit
	}
	if req.Offset < 0 || req.Offset+limit > maxWindow {
		return nil, fmt.Errorf("%w: offset %d with limit %d is beyond the first %d results; narrow the query", ErrBadQuery, req.Offset, limit, maxWindow)
	}
	var sortBy []string
	switch req.Sort {
	// No tie-breakers: every extra sort key costs a doc-value visit (or an
	// id load for _id) per matching article, not per returned one. Ties
	// keep the index order, which is stable for a given index.
	case "", SortRelevance:
		sortBy = []string{"-_score"}
	case SortDate:
		sortBy = []string{"-" + fDate}
	case SortDateAsc:
		sortBy = []string{fDate}
	default:
		return nil, fmt.Errorf("%w: sort %q: want relevance, date or oldest", ErrBadQuery, req.Sort)
	}
	newRequest := func(q query.Query, size, from int) *bleve.SearchRequest {
		sr := bleve.NewSearchRequestOptions(q, size, from, false)
		sr.Fields = storedFields
		sr.SortBy(sortBy)
		if !req.NoSnippets && strings.TrimSpace(req.Query) != "" {
			sr.Highlight = bleve.NewHighlightWithStyle(htmlhl.Name)
			sr.Highlight.AddField(fTitle)
			sr.Highlight.AddField(fBody)
		}
		return sr
	}
	var fields []string
	if req.Facets {
		fields = make([]string, len(searchFacets))
		for i, name := range searchFacets {
			fields[i] = facetFields[name]
		}
	}
	var hc *hitCollector
	out := &Result{CrossLingual: cq.themes}
	if sortBy[0] != "-_score" {
		ids, total, c, err := ix.dateSorted(ctx, cq.strict, req.Sort == SortDateAsc, req.Offset, limit, fields)
		if err != nil {
			return nil, err
		}
		hc, out.Total = c, total
		if out.Hits, err = ix.fetchHits(ctx, cq.strict, ids, !req.NoSnippets && strings.TrimSpace(req.Query) != ""); err != nil {
			return nil, err
		}
	} else {
		sctx := ctx
		hc = &hitCollector{}
		if req.Facets {
			sctx = ix.withHitCollector(ctx, hc, fields)
		}
		res, err := ix.search(sctx, newRequest(cq.strict, limit, req.Offset))
		if err != nil {
			return nil, err
		}
		out.Total = int(res.Total)
		out.Hits = make([]Hit, 0, len(res.Hits))
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, hitOf(h))
		}
	}
	if req.Facets {
		size := req.FacetSize
		if size <= 0 {
			size = 10
		}
		out.Facets = make(map[string][]FacetTerm, len(searchFacets))
		for _, name := range searchFacets {
			n := size
			if name == FacetYear {
				n = 0 // every year
			}
			out.Facets[name] = hc.counts(facetFields[name], n, nil)
		}
	}
	if chars := cq.markChars; len(chars) > 0 && !req.NoSnippets {
		for i := range out.Hits {
			markHit(&out.Hits[i], chars)
		}
	}
	// Fill the rest of a relevance page with partial matches.
	if room := req.Offset + limit - out.Total; cq.relaxed != nil && !req.Exact && sortBy[0] == "-_score" && room > 0 {
		from := max(req.Offset-out.Total, 0)
		pres, err := ix.search(ctx, newRequest(cq.relaxed, min(room, limit), from))
		if err != nil {
			return nil, err
		}
		out.Partial = int(pres.Total)
		for _, h := range pres.Hits {
			hit := hitOf(h)
			hit.Partial = true
			out.Hits = append(out.Hits, hit)
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

func hitOf(h *search.DocumentMatch) Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	hit := Hit{
		ID: h.ID, URL: str(fURL), Title: str(fTitle), Published: str(fPubStr),
		MeetingDate: str(fMeetDate), Org: str(fOrgExact), MeetingType: str(fType),
		Lang: str(fLang), Score: h.Score, Snippets: []string{},
	}
	if y, ok := h.Fields[fYear].(float64); ok {
		hit.Year = int(y)
	}
	// Matches of an unqualified query are in the body field's title part;
	// bleve's title fragment has marks only for title: queries.
	if t := titleFromBody(hit.Title, h.Locations[fBody]); t != "" {
		hit.TitleHTML = t
	} else if f := h.Fragments[fTitle]; len(f) > 0 {
		hit.TitleHTML = f[0]
	}
	for _, f := range h.Fragments[fBody] {
		if f = strings.TrimSpace(dropTitle(f, hit.Title)); f != "" {
			hit.Snippets = append(hit.Snippets, f)
		}
	}
	return hit
}

// titleFromBody marks in the title the matches the body field holds inside
// its title part (bodyText), or returns "" when there are none.
func titleFromBody(title string, locs search.TermLocationMap) string {
	var spans [][2]int
	for _, ls := range locs {
		for _, l := range ls {
			if int(l.End) <= len(title) && l.Start < l.End {
				spans = append(spans, [2]int{int(l.Start), int(l.End)})
			}
		}
	}
	if len(spans) == 0 {
		return ""
	}
	// Overlapping spans (a word and its sub-words) become one mark.
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		if last := &merged[len(merged)-1]; sp[0] < last[1] {
			last[1] = max(last[1], sp[1])
		} else {
			merged = append(merged, sp)
		}
	}
	var sb strings.Builder
	at := 0
	for _, sp := range merged {
		sb.WriteString(html.EscapeString(title[at:sp[0]]))
		sb.WriteString("<mark>")
		sb.WriteString(html.EscapeString(title[sp[0]:sp[1]]))
		sb.WriteString("</mark>")
		at = sp[1]
	}
	sb.WriteString(html.EscapeString(title[at:]))
	return sb.String()
}

// dropTitle removes from a body fragment the title part of bodyText
// (already shown as the title): the text up to the first line break when,
// marks taken out, it is the end of the escaped title; a fragment wholly
// inside the title becomes "".
func dropTitle(frag, title string) string {
	if title == "" {
		return frag
	}
	et := html.EscapeString(title)
	head, rest, cut := strings.Cut(frag, "\n")
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(head)
	plain = strings.TrimLeft(plain, "…")
	if plain == "" || !strings.HasSuffix(et, plain) {
		return frag
	}
	if !cut {
		return ""
	}
	return rest
}

// Each calls fn for every article matching req (Limit, Offset, Sort and
// Facets are ignored), in id order, paging with search-after so the cost
// does not grow with depth. Hits carry stored fields, no snippets.
func (ix *Index) Each(ctx context.Context, req Request, fn func(Hit) error) error {
	q, _, err := ix.buildQuery(req)
	if err != nil {
		return err
	}
	var after []string
	for {
		sr := bleve.NewSearchRequestOptions(q, 1000, 0, false)
		sr.Score = "none"
		sr.Fields = storedFields
		sr.SortBy([]string{"_id"})
		if after != nil {
			sr.SetSearchAfter(after)
		}
		res, err := ix.search(ctx, sr)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if err := fn(hitOf(h)); err != nil {
				return err
			}
		}
		if len(res.Hits) < 1000 {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

func (ix *Index) search(ctx context.Context, sr *bleve.SearchRequest) (*bleve.SearchResult, error) {
	idx, release, err := ix.index()
	if err != nil {
		return nil, err
	}
	defer release()
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return res, nil
}

// countSearch runs req's query for counting only (no hits, no scores) and
// returns the collected matches with the value bitmaps of fields.
func (ix *Index) countSearch(ctx context.Context, req Request, fields ...string) (*hitCollector, int, error) {
	q, _, err := ix.buildQuery(req)
	if err != nil {
		return nil, 0, err
	}
	sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
	sr.Score = "none"
	var hc hitCollector
	res, err := ix.search(ix.withHitCollector(ctx, &hc, fields), sr)
	if err != nil {
		return nil, 0, err
	}
	return &hc, int(res.Total), nil
}

// FacetTerms counts the articles matching req per value of one facet
// (FacetTheme, FacetKeyword, ...) in a single request without loading
// documents. It returns at most size values (0: all), most frequent first
// (FacetYear: newest first), and the number of matching articles.
func (ix *Index) FacetTerms(ctx context.Context, req Request, facet string, size int) ([]FacetTerm, int, error) {
	field, ok := facetFields[facet]
	if !ok {
		return nil, 0, fmt.Errorf("unknown facet %q", facet)
	}
	hc, total, err := ix.countSearch(ctx, req, field)
	if err != nil {
		return nil, 0, err
	}
	return hc.counts(field, size, nil), total, nil
}

// YearCounts counts the articles matching req per year in one request.
// Articles without a known year are not counted.
func (ix *Index) YearCounts(ctx context.Context, req Request) (map[int]int, error) {
	terms, _, err := ix.FacetTerms(ctx, req, FacetYear, 0)
	if err != nil {
		return nil, err
	}
	return yearMap(terms), nil
}

func yearMap(terms []FacetTerm) map[int]int {
	out := make(map[int]int, len(terms))
	for _, t := range terms {
		if y, err := strconv.Atoi(t.Term); err == nil {
			out[y] = t.Count
		}
	}
	return out
}

// FacetByYear counts, for each year with matching articles, the articles
// per facet value: theme x year (FacetTheme) or keyword x year
// (FacetKeyword, the vocabulary of `trends --by term`), at most size values
// per year (0: all). One request; no document is loaded.
func (ix *Index) FacetByYear(ctx context.Context, req Request, facet string, size int) (map[int][]FacetTerm, error) {
	field, ok := facetFields[facet]
	if !ok {
		return nil, fmt.Errorf("unknown facet %q", facet)
	}
	hc, _, err := ix.countSearch(ctx, req, fYearKW, field)
	if err != nil {
		return nil, err
	}
	years := yearMap(hc.counts(fYearKW, 0, nil))
	out := make(map[int][]FacetTerm, len(years))
	for y := range years {
		out[y] = hc.counts(field, size, hc.yearBitmap(y))
	}
	return out, nil
}

// markHit marks the characters in the hit's snippets and title where
// bleve's highlighter could not (see compiled.markChars).
func markHit(h *Hit, chars []string) {
	for i, sn := range h.Snippets {
		h.Snippets[i] = markOutside(sn, chars)
	}
	title := h.TitleHTML
	if title == "" {
		title = html.EscapeString(h.Title)
	}
	if marked := markOutside(title, chars); marked != title {
		h.TitleHTML = marked
	}
}

// markOutside wraps each occurrence of chars (Han characters, unchanged by
// HTML escaping; traditional forms too) in <mark>, outside existing <mark>
// elements.
func markOutside(s string, chars []string) string {
	var b strings.Builder
	for s != "" {
		i := strings.Index(s, "<mark>")
		plain := s
		if i >= 0 {
			plain = s[:i]
		}
		for _, r := range plain {
			if r >= 0x3400 && slices.Contains(chars, taxonomy.FoldTraditional(string(r))) {
				b.WriteString("<mark>" + string(r) + "</mark>")
			} else {
				b.WriteRune(r)
			}
		}
		if i < 0 {
			break
		}
		s = s[i:]
		j := strings.Index(s, "</mark>")
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:j+len("</mark>")])
		s = s[j+len("</mark>"):]
	}
	return b.String()
}
