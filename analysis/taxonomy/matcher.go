package taxonomy

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"meetscan/data"
)

// Matcher finds the themes of a taxonomy in text. Text and terms go through
// the same tokenizer: traditional characters are folded to simplified, runs
// of Chinese characters are cut by gse, Latin words are normalised
// (NormalizeWord), and all other characters only separate tokens except
// sentence punctuation, which no term may span. Terms are compiled into a
// trie of token ids, so matching costs one map lookup per token plus a walk
// for tokens that start a term; at each position the longest term wins.
//
// A Matcher is immutable and safe for concurrent use.
type Matcher struct {
	tax   *Taxonomy
	seg   *gse.Segmenter
	vocab map[string]int32 // token -> id, only tokens that occur in some term
	next  map[uint64]int32 // trie edges: node<<32 | token id -> child node
	term  []int32          // per trie node: index into terms, or -1
	terms []matchTerm
	ids   sync.Pool // *scratch for Match

	vocabSet [vocabBits / 64]uint64 // hashed bit set of vocab keys (id)
	table    vocabTable             // vocab as a hash table (id)
	root     []int32                // per token id: child of the trie root, or -1

	// A run of Chinese characters can only hold a term if it contains the
	// first two characters of some term (of each separator-free part of a
	// term, or the one character of a one-character part): runs without
	// one are not cut at all, which skips much of the gse work on ordinary
	// clauses. starts is a hashed bit set of those bigrams and characters
	// (a false positive only costs a cut).
	starts [bigramBits / 64]uint64
	single bool                // some part is one character: check characters too
	noSkip bool                // cut every run (tests compare with and without the filter)
	parts  map[uint64][]string // term parts by their first two characters, to confirm a bit
}

func bigramKey(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

const bigramBits = 1 << 18

func bigramBit(a, b rune) uint32 {
	h := uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77
	return (h ^ h>>15) & (bigramBits - 1)
}

// noteStarts records the leading bigram of each Chinese part of a term.
func (m *Matcher) noteStarts(term string) {
	for _, part := range strings.FieldsFunc(term, func(r rune) bool { return !isHan(r) }) {
		r0, n := utf8.DecodeRuneInString(part)
		r1 := rune(-1) // one-character part
		if len(part) > n {
			r1, _ = utf8.DecodeRuneInString(part[n:])
		} else {
			m.single = true
		}
		bit := bigramBit(r0, r1)
		m.starts[bit/64] |= 1 << (bit % 64)
		k := bigramKey(r0, r1)
		if !slices.Contains(m.parts[k], part) {
			m.parts[k] = append(m.parts[k], part)
		}
	}
}

// mayHoldTerm reports whether the Chinese run may contain a term.
func (m *Matcher) mayHoldTerm(run []byte) bool {
	prev, n := utf8.DecodeRune(run)
	for i := n; ; i += n {
		start := i - utf8.RuneLen(prev)
		if m.single && m.has(bigramBit(prev, -1)) {
			return true
		}
		if i >= len(run) {
			return false
		}
		var r rune
		r, n = utf8.DecodeRune(run[i:])
		if m.has(bigramBit(prev, r)) {
			for _, p := range m.parts[bigramKey(prev, r)] {
				if len(run)-start >= len(p) && string(run[start:start+len(p)]) == p {
					return true
				}
			}
		}
		prev = r
	}
}

func (m *Matcher) has(bit uint32) bool {
	return m.starts[bit/64]&(1<<(bit%64)) != 0
}

// matchTerm is a compiled term: its text as written in the taxonomy and the
// themes (indexes into tax.themes) it belongs to.
type matchTerm struct {
	text   string
	themes []int32
}

// NewMatcher compiles the terms of t. seg must be the segmenter the text is
// analysed with, loaded with a user dictionary that contains the Chinese
// terms (data/assets/userdict.txt does), so that each term is one gse word
// and never fires inside a longer word. With a nil seg every Chinese
// character is a token: Chinese terms then match as plain substrings (used
// for search queries, where there is no segmenter, and in tests).
func NewMatcher(t *Taxonomy, seg *gse.Segmenter) *Matcher {
	if t == nil {
		t = empty()
	}
	m := &Matcher{
		tax:   t,
		seg:   seg,
		vocab: map[string]int32{},
		next:  map[uint64]int32{},
		term:  []int32{-1}, // node 0 is the root
		parts: map[uint64][]string{},
	}
	for ti, th := range t.themes {
		for _, list := range [][]string{th.TermsZH, th.TermsEN} {
			for _, text := range list {
				m.add(int32(ti), text)
			}
		}
	}
	m.noteVocab()
	m.table = newVocabTable(m.vocab)
	// Most walks stop after the first token: its edge from the root is an
	// array index instead of a map lookup.
	m.root = make([]int32, len(m.vocab))
	for i := range m.root {
		m.root[i] = -1
	}
	for k, child := range m.next {
		if k>>32 == 0 {
			m.root[uint32(k)] = child
		}
	}
	m.ids.New = func() any { return &scratch{ids: make([]int32, 0, 256)} }
	return m
}

// add compiles one term of theme ti.
func (m *Matcher) add(ti int32, text string) {
	var toks []string
	folded := FoldTraditional(text)
	m.noteStarts(folded)
	m.tokens(folded, false, func(tok []byte) {
		if tok != nil { // a break inside a term is ignored
			toks = append(toks, string(tok))
		}
	})
	if len(toks) == 0 {
		return
	}
	node := int32(0)
	for _, tok := range toks {
		id, ok := m.vocab[tok]
		if !ok {
			id = int32(len(m.vocab))
			m.vocab[tok] = id
		}
		k := edge(node, id)
		child, ok := m.next[k]
		if !ok {
			child = int32(len(m.term))
			m.term = append(m.term, -1)
			m.next[k] = child
		}
		node = child
	}
	if m.term[node] < 0 {
		m.term[node] = int32(len(m.terms))
		m.terms = append(m.terms, matchTerm{text: text})
	}
	mt := &m.terms[m.term[node]]
	for _, x := range mt.themes {
		if x == ti {
			return // another spelling of a term the theme already has
		}
	}
	mt.themes = append(mt.themes, ti)
}

func edge(node, tok int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(tok)) }

// tokens cuts folded text into tokens, calling emit with each token's bytes
// (valid only during the call) or with nil for a break. With filter set,
// a Chinese run that cannot hold a term is emitted as one empty token
// instead of being cut.
func (m *Matcher) tokens(s string, filter bool, emit func(tok []byte)) {
	m.scanTokens(s, emit, func(run []byte, i, j int) {
		if filter && !m.noSkip && !m.mayHoldTerm(run) {
			emit(run[:0])
			return
		}
		if m.seg == nil || j-i <= 3 { // one character: nothing to cut
			for k := 0; k < len(run); {
				n := runeLen(run[k])
				emit(run[k : k+n])
				k += n
			}
			return
		}
		for _, sg := range m.seg.Segment(run) {
			m.emitHan(run[sg.Start():sg.End()], emit)
		}
	})
}

// scanTokens emits the breaks and normalised words of s and hands each
// Chinese run, as bytes of s, to han with its offsets i:j in s.
func (m *Matcher) scanTokens(s string, emit func(tok []byte), han func(run []byte, i, j int)) {
	var b []byte // s as bytes, made once if s has Chinese
	var word []byte
	scan(s, func(kind tokenKind, i, j int) {
		switch kind {
		case tokBreak:
			emit(nil)
		case tokWord:
			word = normWord(word[:0], s[i:j])
			if len(word) > 0 {
				emit(word)
			}
		case tokHan:
			if b == nil {
				b = []byte(s)
			}
			han(b[i:j], i, j)
		}
	})
}

// emitHan emits one Chinese token. A token that is no term token itself
// but is a compound made entirely of term tokens (gse keeps long
// user-dictionary words such as 全面从严治党主体责任 whole) is emitted as
// those parts, so the terms inside it still match; any other token is
// emitted as it is, so a term never fires inside an unrelated longer word
// (机关党建 stays one token).
func (m *Matcher) emitHan(tok []byte, emit func(tok []byte)) {
	// Fewer than four characters cannot hold two parts; a compound must
	// start with a term part (cheap bigram check before the split search).
	if len(tok) < 12 || m.known(tok) || !m.startsPart(tok) {
		emit(tok)
		return
	}
	if cuts := m.compoundCuts(string(tok), nil); cuts != nil {
		prev := 0
		for _, c := range cuts {
			emit(tok[prev:c])
			prev = c
		}
		return
	}
	emit(tok)
}

// startsPart reports whether tok begins with the first two characters of
// some Chinese term part.
func (m *Matcher) startsPart(tok []byte) bool {
	r0, n := utf8.DecodeRune(tok)
	r1, _ := utf8.DecodeRune(tok[n:])
	return m.has(bigramBit(r0, r1)) && len(m.parts[bigramKey(r0, r1)]) > 0
}

func (m *Matcher) known(tok []byte) bool {
	_, ok := m.vocab[string(tok)]
	return ok
}

func runeLen(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// appendIDs appends the token ids of text to dst: -1 for tokens that
// occur in no term and for breaks.
func (m *Matcher) appendIDs(dst []int32, text string) []int32 {
	emit := func(tok []byte) {
		id := int32(-1)
		if tok != nil {
			if x, ok := m.vocab[string(tok)]; ok {
				id = x
			}
		}
		// Runs of unknown tokens collapse to one -1: they only separate.
		if id < 0 && len(dst) > 0 && dst[len(dst)-1] < 0 {
			return
		}
		dst = append(dst, id)
	}
	m.tokens(FoldTraditional(text), true, emit)
	return dst
}

// occurrence is one matched term at token position pos.
type occurrence struct {
	term int32
	pos  int
}

// walk finds the leftmost-longest term occurrences in ids.
func (m *Matcher) walk(ids []int32, visit func(occurrence)) {
	for i := 0; i < len(ids); {
		if ids[i] < 0 {
			i++
			continue
		}
		best, end := m.longest(ids, i)
		if best < 0 {
			i++
			continue
		}
		visit(occurrence{term: best, pos: i})
		i = end
	}
}

// longest returns the longest term starting at ids[i] and the position
// after it, or -1.
func (m *Matcher) longest(ids []int32, i int) (best int32, end int) {
	best = -1
	// The first edge from the root is an array index; most walks stop
	// there.
	node := m.root[ids[i]]
	for j := i; node >= 0; {
		if t := m.term[node]; t >= 0 {
			best, end = t, j+1
		}
		j++
		if j >= len(ids) || ids[j] < 0 {
			break
		}
		child, ok := m.next[edge(node, ids[j])]
		if !ok {
			break
		}
		node = child
	}
	return best, end
}

// Match returns the themes found in text (one paragraph or sentence;
// Chinese, English or mixed), most frequent first, then in order of first
// occurrence. Count is the number of term occurrences; Terms are the
// distinct taxonomy terms that matched, as written in the taxonomy, in
// order of first occurrence.
func (m *Matcher) Match(text string) []data.ThemeHit {
	return m.match(text, nil, false)
}

// MatchCut is Match for text the caller has already segmented with the
// matcher's segmenter (or an equivalent one): ends are the ascending byte
// offsets in text at which its tokens end, for example the End() of each
// gse segment of the text, shifted when text is a slice of the segmented
// paragraph (offsets outside text are ignored). Chinese runs are split
// there instead of being cut again, which saves a gse pass per paragraph
// and per requirement. Latin words, breaks and traditional characters are
// handled as in Match; cut text with traditional characters folded
// (FoldTraditional, or any folding that keeps byte offsets), as gse's
// simplified dictionary cuts 全面從嚴治黨 differently.
func (m *Matcher) MatchCut(text string, ends []int) []data.ThemeHit {
	return m.match(text, ends, true)
}

// scratch is the pooled per-call memory of matching.
type scratch struct {
	ids  []int32
	word []byte
}

func (m *Matcher) match(text string, ends []int, cut bool) []data.ThemeHit {
	if text == "" || len(m.terms) == 0 {
		return nil
	}
	sc := m.ids.Get().(*scratch)
	var ids []int32
	if cut {
		ids = m.cutIDs(sc.ids[:0], text, ends, 0, &sc.word)
	} else {
		ids = m.appendIDs(sc.ids[:0], text)
	}
	hits := m.hits(ids)
	sc.ids = ids[:0]
	m.ids.Put(sc)
	return hits
}

// hits returns the themes of the terms found in ids.
func (m *Matcher) hits(ids []int32) []data.ThemeHit {
	type acc struct {
		theme int32
		first int
		count int
		terms []int32
	}
	var buf [8]acc // most texts have few themes
	accs := buf[:0]
	nterms := 0
	// The walk of walk, inlined: a closure call per occurrence showed.
	for i := 0; i < len(ids); {
		// Most tokens are no term token or start no term: skip them
		// without the call.
		if id := ids[i]; id < 0 || m.root[id] < 0 {
			i++
			continue
		}
		best, end := m.longest(ids, i)
		if best < 0 {
			i++
			continue
		}
		for _, th := range m.terms[best].themes {
			k := -1
			for x := range accs {
				if accs[x].theme == th {
					k = x
					break
				}
			}
			if k < 0 {
				k = len(accs)
				accs = append(accs, acc{theme: th, first: i})
			}
			a := &accs[k]
			a.count++
			if !slices.Contains(a.terms, best) {
				a.terms = append(a.terms, best)
				nterms++
			}
		}
		i = end
	}
	if len(accs) == 0 {
		return nil
	}
	slices.SortStableFunc(accs, func(a, b acc) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return a.first - b.first
	})
	hits := make([]data.ThemeHit, len(accs))
	all := make([]string, 0, nterms) // one backing array for all Terms
	for i, a := range accs {
		th := &m.tax.themes[a.theme]
		k := len(all)
		for _, t := range a.terms {
			all = append(all, m.terms[t].text)
		}
		hits[i] = data.ThemeHit{ID: th.ID, LabelEN: th.LabelEN, LabelZH: th.LabelZH, Count: a.count, Terms: all[k:len(all):len(all)]}
	}
	return hits
}

// Taxonomy returns the taxonomy the matcher was built from.
func (m *Matcher) Taxonomy() *Taxonomy { return m.tax }

// MergeHits adds up theme hits, for example those of an article's
// paragraphs: counts are summed, terms united in order of first
// appearance. The result is sorted like Match: most frequent first, then
// by first appearance.
func MergeHits(lists ...[]data.ThemeHit) []data.ThemeHit {
	n := 0
	for _, hits := range lists {
		n += len(hits)
	}
	if n == 0 {
		return nil
	}
	out := make([]data.ThemeHit, 0, min(n, 64))
	at := make(map[string]int, min(n, 64))
	for _, hits := range lists {
		for _, h := range hits {
			i, ok := at[h.ID]
			if !ok {
				at[h.ID] = len(out)
				h.Terms = append([]string(nil), h.Terms...)
				out = append(out, h)
				continue
			}
			o := &out[i]
			o.Count += h.Count
			o.Terms = appendNew(o.Terms, h.Terms)
		}
	}
	slices.SortStableFunc(out, func(a, b data.ThemeHit) int { return b.Count - a.Count })
	return out
}
