// Package recurring groups requirements that say the same thing in
// different words across meetings, organisations and years.
//
// Each distinct wording becomes a set of features: its content words
// (segmented, stop words and boilerplate removed, English stemmed) and its
// theme ids. MinHash signatures with LSH banding propose candidate pairs
// (no all-pairs pass); each candidate is verified with an IDF-weighted
// Jaccard or containment score, and accepted pairs are joined with
// union-find. Words common to many distinct wordings weigh little, so
// boilerplate cannot glue unrelated requirements together, and two
// wordings tagged with disjoint themes are never joined. Chinese and
// English groups that carry the same theme set, each the only one of its
// language to do so, are joined afterwards ("meet through their themes").
package recurring

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Record is one requirement as extracted from an article.
type Record struct {
	ArticleID string   `json:"id"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Year      int      `json:"year"`
	Date      string   `json:"date"` // meeting date "2006-01-02", or ""
	Org       string   `json:"org"`
	Speaker   string   `json:"speaker"`
	Text      string   `json:"text"`
	Themes    []string `json:"themes"`
}

// Options tune grouping. Zero values take the defaults.
type Options struct {
	// Threshold is the weighted Jaccard similarity at which two wordings
	// are the same requirement (default 0.2).
	Threshold float64
	// Containment accepts a pair when the weight they share is this share
	// of the lighter one's weight (default 0.35) and they share at least
	// two words: a short wording contained in a longer one.
	Containment float64
	// Hashes is the MinHash signature length and Bands the LSH bands
	// (defaults 32 and 32, i.e. one row a band: a pair with Jaccard J over
	// its feature sets becomes a candidate with probability 1-(1-J)^32,
	// 0.81 at J = 0.05, 0.97 at 0.1). Paraphrases share few words, so the
	// S-curve sits low; the verification keeps precision.
	Hashes, Bands int
	// PerBucket bounds the verifications per wording and band: a wording is
	// compared with at most this many earlier bucket members of other
	// groups, so a huge bucket costs linear time (default 8).
	PerBucket int
	// MinCount and MinYears drop groups with fewer members (requirements)
	// or distinct years (defaults 2 and 1).
	MinCount, MinYears int
	// MaxMembers caps the members listed per group (0 = all); counts,
	// years and organisations always cover every member.
	MaxMembers int
	// NoCrossLingual keeps Chinese and English groups apart.
	NoCrossLingual bool
	// NoSynonyms compares words as they are, without mapping near-synonyms
	// to their concept (synonymSets); for measuring what the map adds.
	NoSynonyms bool
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = 0.2
	}
	if o.Containment <= 0 {
		o.Containment = 0.35
	}
	if o.Hashes <= 0 {
		o.Hashes = 32
	}
	if o.Bands <= 0 || o.Bands > o.Hashes {
		o.Bands = o.Hashes
	}
	if o.PerBucket <= 0 {
		o.PerBucket = 8
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	if o.MinYears <= 0 {
		o.MinYears = 1
	}
	return o
}

// Group is a recurring requirement.
type Group struct {
	Text      string   `json:"text"`     // representative wording: the most typical one (medoid), marker stripped
	Count     int      `json:"count"`    // requirements in the group
	Articles  int      `json:"articles"` // distinct articles
	Variants  int      `json:"variants"` // distinct wordings
	Years     []int    `json:"years"`
	Orgs      []string `json:"orgs"`
	Speakers  []string `json:"speakers"`
	Themes    []string `json:"themes"`
	Langs     []string `json:"langs"`
	FirstSeen string   `json:"first_seen"` // earliest meeting date (or year)
	LastSeen  string   `json:"last_seen"`
	Members   []Member `json:"members"` // oldest first
}

// Member is one requirement of a group with its article link.
type Member struct {
	ArticleID string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Year      int    `json:"year"`
	Date      string `json:"date"`
	Org       string `json:"org"`
	Speaker   string `json:"speaker"`
	Text      string `json:"text"`
}

// Grouper collects requirements and groups them. Memory per requirement is
// a few integers; per distinct wording its text, feature ids and signature.
// It is not safe for concurrent use (it tokenizes on all cores itself). The
// Tokenizer must be safe for concurrent use.
type Grouper struct {
	tok Tokenizer
	opt Options

	vocab   map[string]uint32
	isTheme []bool
	classes []class
	byKey   map[string]uint32

	articles []article
	artIdx   map[string]uint32
	strs     map[string]uint32 // interned orgs and speakers
	strList  []string

	recs    []rec
	pending []uint32  // wordings not tokenized yet
	w       []float64 // feature weights of the last Groups call
}

type class struct {
	text   string
	feats  []uint32 // sorted unique feature ids (words and themes)
	themes []string // sorted
	en     bool
	n      int32 // records with this wording
}

type article struct {
	id, url, title, date string
	year                 int
	org                  uint32
}

type rec struct {
	art, class, speaker uint32
}

// New returns an empty Grouper.
func New(tok Tokenizer, opt Options) *Grouper {
	return &Grouper{
		tok: tok, opt: opt.withDefaults(),
		vocab: map[string]uint32{}, byKey: map[string]uint32{},
		artIdx: map[string]uint32{}, strs: map[string]uint32{"": 0}, strList: []string{""},
	}
}

func (g *Grouper) intern(s string) uint32 {
	if id, ok := g.strs[s]; ok {
		return id
	}
	id := uint32(len(g.strList))
	g.strs[s] = id
	g.strList = append(g.strList, s)
	return id
}

func (g *Grouper) feature(s string, theme bool) uint32 {
	if id, ok := g.vocab[s]; ok {
		return id
	}
	id := uint32(len(g.isTheme))
	g.vocab[s] = id
	g.isTheme = append(g.isTheme, theme)
	return id
}

// Add adds one requirement. Requirements with no text are ignored.
func (g *Grouper) Add(r Record) {
	text := StripMarker(r.Text)
	if text == "" {
		return
	}
	themes := append([]string(nil), r.Themes...)
	sort.Strings(themes)
	themes = slices.Compact(themes)
	key := text + "\x00" + strings.Join(themes, ",")
	ci, ok := g.byKey[key]
	if !ok {
		ci = uint32(len(g.classes))
		g.byKey[key] = ci
		g.classes = append(g.classes, class{text: text, themes: themes, en: isEnglish(text)})
		g.pending = append(g.pending, ci)
		if len(g.pending) >= pendingBatch {
			g.tokenizePending()
		}
	}
	g.classes[ci].n++
	ai, ok := g.artIdx[r.ArticleID]
	if !ok || r.ArticleID == "" {
		ai = uint32(len(g.articles))
		if r.ArticleID != "" {
			g.artIdx[r.ArticleID] = ai
		}
		g.articles = append(g.articles, article{id: r.ArticleID, url: r.URL, title: r.Title, date: r.Date, year: r.Year, org: g.intern(r.Org)})
	}
	g.recs = append(g.recs, rec{art: ai, class: ci, speaker: g.intern(r.Speaker)})
}

// pendingBatch is the number of new wordings tokenized together, in
// parallel: segmentation is most of the cost of Add.
const pendingBatch = 4096

// tokenizePending segments the pending wordings on all cores (the gse
// segmenter is safe for concurrent cutting), then interns their words in
// order, so feature ids do not depend on scheduling.
func (g *Grouper) tokenizePending() {
	if len(g.pending) == 0 {
		return
	}
	words := make([][]string, len(g.pending))
	workers := min(runtime.GOMAXPROCS(0), len(g.pending))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(g.pending); i += workers {
				words[i] = g.tok.Tokens(g.classes[g.pending[i]].text)
			}
		}(w)
	}
	wg.Wait()
	for i, ci := range g.pending {
		c := &g.classes[ci]
		feats := make([]uint32, 0, len(words[i])+len(c.themes))
		for _, w := range words[i] {
			if !g.opt.NoSynonyms {
				w = canonical(w)
			}
			feats = append(feats, g.feature(w, false))
		}
		for _, th := range c.themes {
			feats = append(feats, g.feature("\x01"+th, true))
		}
		slices.Sort(feats)
		c.feats = slices.Clip(slices.Compact(feats))
	}
	g.pending = g.pending[:0]
}

// Len returns the number of requirements added and of distinct wordings.
func (g *Grouper) Len() (requirements, wordings int) { return len(g.recs), len(g.classes) }

func isEnglish(s string) bool {
	latin, han := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	return latin > 2*han
}

// Groups clusters the requirements added so far and returns the groups
// that pass MinCount and MinYears, most recurrent first: by distinct
// years, then organisations, then requirements.
func (g *Grouper) Groups(ctx context.Context) ([]Group, error) {
	g.tokenizePending()
	uf := newUnionFind(len(g.classes))
	w := g.weights()
	g.w = w
	if err := g.link(ctx, uf, w); err != nil {
		return nil, err
	}
	if !g.opt.NoCrossLingual {
		g.crossLingual(uf)
		if !g.opt.NoSynonyms {
			g.conceptBridge(uf, w)
		}
	}
	return g.collect(uf), nil
}

// weights are inverse document frequencies over distinct wordings: a word
// that many different requirements use says little about which one it is.
func (g *Grouper) weights() []float64 {
	df := make([]int32, len(g.isTheme))
	for _, c := range g.classes {
		for _, f := range c.feats {
			df[f]++
		}
	}
	n := float64(len(g.classes))
	w := make([]float64, len(df))
	for i, d := range df {
		if d > 0 {
			w[i] = math.Log(1 + n/float64(d))
		}
	}
	return w
}

// similar verifies a candidate pair of wordings.
func (g *Grouper) similar(a, b *class, w []float64) bool {
	if a.en != b.en {
		return false
	}
	if len(a.themes) > 0 && len(b.themes) > 0 && !intersects(a.themes, b.themes) {
		return false
	}
	var inter, wa, wb float64
	words := 0
	i, j := 0, 0
	for i < len(a.feats) || j < len(b.feats) {
		switch {
		case j >= len(b.feats) || (i < len(a.feats) && a.feats[i] < b.feats[j]):
			wa += w[a.feats[i]]
			i++
		case i >= len(a.feats) || b.feats[j] < a.feats[i]:
			wb += w[b.feats[j]]
			j++
		default:
			f := a.feats[i]
			inter += w[f]
			wa += w[f]
			wb += w[f]
			if !g.isTheme[f] {
				words++
			}
			i++
			j++
		}
	}
	if words == 0 || inter == 0 {
		return false
	}
	if inter/(wa+wb-inter) >= g.opt.Threshold {
		return true
	}
	return words >= 2 && inter/math.Min(wa, wb) >= g.opt.Containment
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

// link proposes candidates with MinHash LSH and joins verified pairs. One
// band at a time: (bucket key, wording) pairs are sorted so that a bucket
// is a run, which needs no hash map of buckets and little memory.
func (g *Grouper) link(ctx context.Context, uf *unionFind, w []float64) error {
	k, bands := g.opt.Hashes, g.opt.Bands
	rows := k / bands
	seeds := make([]uint64, k)
	for i := range seeds {
		seeds[i] = mix64(uint64(i+1) * 0x9E3779B97F4A7C15)
	}
	sigs := make([]uint32, len(g.classes)*k) // compact: 4 bytes a hash
	for ci, c := range g.classes {
		sig := sigs[ci*k : (ci+1)*k]
		for h := range sig {
			sig[h] = math.MaxUint32
		}
		for _, f := range c.feats {
			for h, s := range seeds {
				if v := uint32(mix64(uint64(f) ^ s)); v < sig[h] {
					sig[h] = v
				}
			}
		}
	}
	type entry struct {
		key   uint64
		class uint32
	}
	entries := make([]entry, 0, len(g.classes))
	for b := 0; b < bands; b++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		entries = entries[:0]
		for ci, c := range g.classes {
			if len(c.feats) == 0 {
				continue
			}
			key := uint64(b) * 0x9E3779B97F4A7C15
			for _, v := range sigs[ci*k+b*rows : ci*k+(b+1)*rows] {
				key = mix64(key ^ uint64(v))
			}
			entries = append(entries, entry{key, uint32(ci)})
		}
		sort.Slice(entries, func(i, j int) bool {
			if entries[i].key != entries[j].key {
				return entries[i].key < entries[j].key
			}
			return entries[i].class < entries[j].class
		})
		for lo := 0; lo < len(entries); {
			hi := lo + 1
			for hi < len(entries) && entries[hi].key == entries[lo].key {
				hi++
			}
			for i := lo + 1; i < hi; i++ {
				a := entries[i].class
				// Look back over a bounded window: members already in a's
				// group cost a find each, verifications at most PerBucket.
				tried, scanned := 0, 0
				for j := i - 1; j >= lo && tried < g.opt.PerBucket && scanned < 4*g.opt.PerBucket; j-- {
					scanned++
					b := entries[j].class
					if uf.find(a) == uf.find(b) {
						continue
					}
					tried++
					if g.similar(&g.classes[a], &g.classes[b], w) {
						uf.union(a, b)
					}
				}
			}
			lo = hi
		}
	}
	return nil
}

// crossLingual joins a Chinese and an English group when they carry the
// same non-empty theme set and each is the only recurring group of its
// language with that set: the themes are the only bridge between the
// languages, so an ambiguous bridge is not crossed.
func (g *Grouper) crossLingual(uf *unionFind) {
	type info struct {
		n      int
		themes map[string]bool
		en     bool
		mixed  bool
	}
	groups := map[uint32]*info{}
	for ci := range g.classes {
		c := &g.classes[ci]
		r := uf.find(uint32(ci))
		in := groups[r]
		if in == nil {
			in = &info{themes: map[string]bool{}, en: c.en}
			groups[r] = in
		}
		in.n += int(c.n)
		if in.en != c.en {
			in.mixed = true
		}
		for _, t := range c.themes {
			in.themes[t] = true
		}
	}
	type side struct {
		root  uint32
		count int
	}
	bySet := map[string]*[2]side{}
	for r, in := range groups {
		if in.mixed || in.n < g.opt.MinCount || len(in.themes) == 0 {
			continue
		}
		ts := make([]string, 0, len(in.themes))
		for t := range in.themes {
			ts = append(ts, t)
		}
		sort.Strings(ts)
		key := strings.Join(ts, ",")
		s := bySet[key]
		if s == nil {
			s = &[2]side{}
			bySet[key] = s
		}
		l := 0
		if in.en {
			l = 1
		}
		s[l].root = r
		s[l].count++
	}
	for _, s := range bySet {
		if s[0].count == 1 && s[1].count == 1 {
			uf.union(s[0].root, s[1].root)
		}
	}
}

// Concept bridge thresholds: groups of the two languages must share at
// least bridgeShared concepts with a weighted Jaccard over their concept
// sets of at least bridgeJaccard.
const (
	bridgeShared  = 2
	bridgeJaccard = 0.3
)

// conceptBridge joins a Chinese and an English group through the concepts
// of the synonym map, which are shared by both languages (每周 and weekly
// are both "regular"): the pooled concept sets of the two groups must
// overlap (bridgeShared, bridgeJaccard), their themes must not be
// disjoint, and each must be the other's best match, so one group never
// bridges to two. Only recurring single-language groups take part.
func (g *Grouper) conceptBridge(uf *unionFind, w []float64) {
	isConcept := make([]bool, len(g.isTheme))
	for s, id := range g.vocab {
		isConcept[id] = strings.HasPrefix(s, conceptPrefix)
	}
	type info struct {
		concepts []uint32
		themes   []string
		n        int
		en       bool
		mixed    bool
	}
	groups := map[uint32]*info{}
	var roots []uint32
	for ci := range g.classes {
		c := &g.classes[ci]
		r := uf.find(uint32(ci))
		in := groups[r]
		if in == nil {
			in = &info{en: c.en}
			groups[r] = in
			roots = append(roots, r)
		}
		in.n += int(c.n)
		in.mixed = in.mixed || in.en != c.en
		for _, f := range c.feats {
			if isConcept[f] {
				in.concepts = append(in.concepts, f)
			}
		}
		in.themes = append(in.themes, c.themes...)
	}
	post := [2]map[uint32][]uint32{{}, {}} // language -> concept -> roots
	for _, r := range roots {
		in := groups[r]
		slices.Sort(in.concepts)
		in.concepts = slices.Compact(in.concepts)
		slices.Sort(in.themes)
		in.themes = slices.Compact(in.themes)
		if in.mixed || in.n < g.opt.MinCount || len(in.concepts) < bridgeShared {
			continue
		}
		l := 0
		if in.en {
			l = 1
		}
		for _, f := range in.concepts {
			post[l][f] = append(post[l][f], r)
		}
	}
	best := func(r uint32) (uint32, bool) {
		in := groups[r]
		other := post[0]
		if !in.en {
			other = post[1]
		}
		shared := map[uint32]int{}
		for _, f := range in.concepts {
			for _, o := range other[f] {
				shared[o]++
			}
		}
		var top uint32
		topScore := 0.0
		for o, n := range shared {
			oi := groups[o]
			if n < bridgeShared || (len(in.themes) > 0 && len(oi.themes) > 0 && !intersects(in.themes, oi.themes)) {
				continue
			}
			sc := weightedJaccard(in.concepts, oi.concepts, w)
			if sc > topScore || (sc == topScore && o < top) {
				top, topScore = o, sc
			}
		}
		return top, topScore >= bridgeJaccard
	}
	var pairs [][2]uint32
	for _, r := range roots {
		in := groups[r]
		if in.en || in.mixed || in.n < g.opt.MinCount {
			continue
		}
		if e, ok := best(r); ok {
			if back, ok := best(e); ok && back == r {
				pairs = append(pairs, [2]uint32{r, e})
			}
		}
	}
	for _, p := range pairs {
		uf.union(p[0], p[1])
	}
}

// collect builds the output groups.
func (g *Grouper) collect(uf *unionFind) []Group {
	members := map[uint32][]uint32{} // root -> record indexes
	for i, r := range g.recs {
		root := uf.find(r.class)
		members[root] = append(members[root], uint32(i))
	}
	var out []Group
	for _, recs := range members {
		if len(recs) < g.opt.MinCount {
			continue
		}
		years := map[int]bool{}
		for _, ri := range recs {
			if y := g.articles[g.recs[ri].art].year; y != 0 {
				years[y] = true
			}
		}
		if len(years) < g.opt.MinYears {
			continue
		}
		out = append(out, g.group(recs, years))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if len(a.Years) != len(b.Years) {
			return len(a.Years) > len(b.Years)
		}
		if len(a.Orgs) != len(b.Orgs) {
			return len(a.Orgs) > len(b.Orgs)
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.FirstSeen != b.FirstSeen {
			return a.FirstSeen < b.FirstSeen
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return strings.Join(a.Themes, ",") < strings.Join(b.Themes, ",") // same text, other themes
	})
	return out
}

func (g *Grouper) group(recs []uint32, years map[int]bool) Group {
	grp := Group{Count: len(recs)}
	for y := range years {
		grp.Years = append(grp.Years, y)
	}
	sort.Ints(grp.Years)
	orgs, speakers, arts, themes := map[string]bool{}, map[string]bool{}, map[uint32]bool{}, map[string]bool{}
	wordings := map[uint32]int{}
	langs := map[string]bool{}
	sort.Slice(recs, func(i, j int) bool {
		a, b := g.articles[g.recs[recs[i]].art], g.articles[g.recs[recs[j]].art]
		if seen(a) != seen(b) {
			return seen(a) < seen(b)
		}
		return a.id < b.id
	})
	for _, ri := range recs {
		r := g.recs[ri]
		a := g.articles[r.art]
		c := &g.classes[r.class]
		if o := g.strList[a.org]; o != "" {
			orgs[o] = true
		}
		if s := g.strList[r.speaker]; s != "" {
			speakers[s] = true
		}
		arts[r.art] = true
		wordings[r.class]++
		for _, t := range c.themes {
			themes[t] = true
		}
		if c.en {
			langs["en"] = true
		} else {
			langs["zh"] = true
		}
		if s := seen(a); s != "" {
			if grp.FirstSeen == "" || s < grp.FirstSeen {
				grp.FirstSeen = s
			}
			if s > grp.LastSeen {
				grp.LastSeen = s
			}
		}
		if g.opt.MaxMembers == 0 || len(grp.Members) < g.opt.MaxMembers {
			grp.Members = append(grp.Members, Member{ArticleID: a.id, URL: a.url, Title: a.title, Year: a.year, Date: a.date,
				Org: g.strList[a.org], Speaker: g.strList[r.speaker], Text: c.text})
		}
	}
	grp.Text = StripMarker(g.classes[g.typical(wordings)].text)
	grp.Articles, grp.Variants = len(arts), len(wordings)
	grp.Orgs, grp.Speakers, grp.Themes, grp.Langs = keys(orgs), keys(speakers), keys(themes), keys(langs)
	return grp
}

// typicalCandidates bounds the wordings typical compares: the most
// frequent ones, so a group of thousands of wordings costs a fixed amount.
const typicalCandidates = 64

// typical picks a group's representative wording: the medoid, i.e. the
// wording with the largest count-weighted similarity (weighted Jaccard) to
// the group's wordings, itself included. The most frequent wording can be
// an outlier that joined through a chain of paraphrases; the medoid is the
// one that reads most like the rest. Ties go to the more frequent, then
// the earlier wording.
func (g *Grouper) typical(wordings map[uint32]int) uint32 {
	ids := make([]uint32, 0, len(wordings))
	for ci := range wordings {
		ids = append(ids, ci)
	}
	sort.Slice(ids, func(i, j int) bool {
		if wordings[ids[i]] != wordings[ids[j]] {
			return wordings[ids[i]] > wordings[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) == 1 || g.w == nil {
		return ids[0]
	}
	ids = ids[:min(len(ids), typicalCandidates)]
	best, bestScore := ids[0], -1.0
	for _, a := range ids {
		score := 0.0
		for _, b := range ids {
			if a == b {
				score += float64(wordings[b])
				continue
			}
			score += float64(wordings[b]) * weightedJaccard(g.classes[a].feats, g.classes[b].feats, g.w)
		}
		if score > bestScore+1e-9 {
			best, bestScore = a, score
		}
	}
	return best
}

// weightedJaccard of two sorted feature lists.
func weightedJaccard(a, b []uint32, w []float64) float64 {
	var inter, union float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			union += w[a[i]]
			i++
		case i >= len(a) || b[j] < a[i]:
			union += w[b[j]]
			j++
		default:
			inter += w[a[i]]
			union += w[a[i]]
			i++
			j++
		}
	}
	if union == 0 {
		return 0
	}
	return inter / union
}

// seen is the sortable date of an article: its meeting date, else its year.
func seen(a article) string {
	if a.date != "" {
		return a.date
	}
	if a.year != 0 {
		return itoa4(a.year)
	}
	return ""
}

func itoa4(y int) string {
	b := []byte{'0', '0', '0', '0'}
	for i := 3; i >= 0 && y > 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// mix64 is the splitmix64 finaliser: a fast, well-distributed hash.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

type unionFind struct{ parent []uint32 }

func newUnionFind(n int) *unionFind {
	p := make([]uint32, n)
	for i := range p {
		p[i] = uint32(i)
	}
	return &unionFind{p}
}

func (u *unionFind) find(x uint32) uint32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of a and b; the smaller index becomes the root so
// results do not depend on map iteration order.
func (u *unionFind) union(a, b uint32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}
