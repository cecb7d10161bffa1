package people

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// The extractor looks for dozens of words (role words, credit labels,
// followers, titles) in every paragraph. One strings.Index or HasPrefix
// per word costs far more than the rest of the extraction, so the word
// lists are indexed by their first (or last) rune, and the paragraph is
// walked once.

// The basic CJK block, where the Chinese words start and end: for those
// runes a plain array (21 KB per word list) is the fastest index.
const (
	cjkFirst = 0x4E00
	cjkLast  = 0x9FFF
)

// wordIndex groups a word list by the first rune of each word (the last
// one when built by newSuffixIndex): which words start (end) a string is
// one look-up and a comparison with the few words of that rune.
type wordIndex struct {
	words  []string
	groups [][]int        // word indexes, in list order, by group
	cjk    []uint8        // 1 + group of a rune of the basic CJK block
	other  map[rune]uint8 // 1 + group of any other rune
	// firsts marks the CJK runes with a group. Most runes of a
	// paragraph have none; the 2.6 KB bit set answers them from the
	// cache where the 21 KB cjk table would miss it.
	firsts hanSet
}

func newWordIndex(words []string) *wordIndex { return buildWordIndex(words, false) }

func newSuffixIndex(words []string) *wordIndex { return buildWordIndex(words, true) }

func buildWordIndex(words []string, last bool) *wordIndex {
	x := &wordIndex{words: words, cjk: make([]uint8, cjkLast-cjkFirst+1), other: map[rune]uint8{}, firsts: newHanSet("")}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if last {
			r, _ = utf8.DecodeLastRuneInString(w)
		}
		g := x.slot(r)
		if g == 0 {
			if len(x.groups) == 255 {
				panic("people: too many first runes in a word list")
			}
			x.groups = append(x.groups, nil)
			g = uint8(len(x.groups))
			if r >= cjkFirst && r <= cjkLast {
				x.cjk[r-cjkFirst] = g
				x.firsts.add(r)
			} else {
				x.other[r] = g
			}
		}
		x.groups[g-1] = append(x.groups[g-1], i)
	}
	return x
}

func (x *wordIndex) slot(r rune) uint8 {
	if r >= cjkFirst && r <= cjkLast {
		if !x.firsts.has(r) {
			return 0
		}
		return x.cjk[r-cjkFirst]
	}
	return x.other[r]
}

// with returns the indexes of the words whose first (last) rune is r.
func (x *wordIndex) with(r rune) []int {
	if g := x.slot(r); g > 0 {
		return x.groups[g-1]
	}
	return nil
}

// prefixOf returns the first word of the list (in list order) that s
// starts with, or -1. A word that is a prefix of s has the first rune of
// s as its own first rune (both are valid UTF-8 there).
func (x *wordIndex) prefixOf(s string) int {
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s)
	for _, i := range x.with(r) {
		if strings.HasPrefix(s, x.words[i]) {
			return i
		}
	}
	return -1
}

// suffixOf returns the first word of a suffix index that s ends with, or
// -1.
func (x *wordIndex) suffixOf(s string) int {
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	for _, i := range x.with(r) {
		if strings.HasSuffix(s, x.words[i]) {
			return i
		}
	}
	return -1
}

// hanSet is a set of runes of the basic CJK block, as a bit set.
type hanSet []uint64

func newHanSet(chars string) hanSet {
	s := make(hanSet, (cjkLast-cjkFirst+64)/64)
	for _, r := range chars {
		s.add(r)
	}
	return s
}

func (s hanSet) add(r rune) {
	if r < cjkFirst || r > cjkLast {
		panic("people: hanSet rune outside the basic CJK block")
	}
	s[(r-cjkFirst)/64] |= 1 << ((r - cjkFirst) % 64)
}

func (s hanSet) has(r rune) bool {
	return r >= cjkFirst && r <= cjkLast && s[(r-cjkFirst)/64]&(1<<((r-cjkFirst)%64)) != 0
}

// isHanRE is unicode.Is(unicode.Han, r), the \p{Han} of the patterns
// the scanners replace, with the basic CJK block (all Han) answered
// without the table search. Han starts at U+2E80.
func isHanRE(r rune) bool {
	if r >= cjkFirst && r <= cjkLast {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// decodeCJK decodes the rune at p[i] when it is a well-formed three-byte
// sequence with lead byte E4–E9 (U+4000–U+9FFF, which holds the basic
// CJK block; no overlong or surrogate forms exist there); n is 0
// otherwise.
func decodeCJK(p string, i int) (r rune, n int) {
	c := p[i]
	if c < 0xE4 || c > 0xE9 || i+2 >= len(p) || p[i+1]&0xC0 != 0x80 || p[i+2]&0xC0 != 0x80 {
		return 0, 0
	}
	return rune(c&0x0F)<<12 | rune(p[i+1]&0x3F)<<6 | rune(p[i+2]&0x3F), 3
}

// keywords are the words chinese looks for in every paragraph: the role
// words, the credit labels and 由 (会议由张武装主持).
var (
	keywords    = newWordIndex(concat(roleWords, creditLabels, []string{"由"}))
	creditFirst = len(roleWords)
	youWord     = len(roleWords) + len(creditLabels)
)

// keywordLeads marks the first two bytes of the keywords' first runes
// that decodeCJK decodes (lead byte E4…E9): 384 bytes that rule out most
// characters before the look-up in keywords.
var keywordLeads = func() (set [6][64]bool) {
	for _, w := range keywords.words {
		if _, n := decodeCJK(w, 0); n > 0 {
			set[w[0]-0xE4][w[1]&0x3F] = true
		}
	}
	return set
}()

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// creditHit is one occurrence of a credit label at byte s.
type creditHit struct{ label, s int }

// paraScan is what one walk over a folded paragraph finds. Its slices are
// reused from paragraph to paragraph.
type paraScan struct {
	han     bool // text.Counts(p) would count a Han character
	upper   int  // ASCII upper-case letters, counted up to two
	dun     int  // number of 、
	roles   []roleSpan
	credits []creditHit // in text order
	you     []int       // byte offsets right after each 由
}

// scan walks p once. Every keyword occurrence is found, as strings.Index
// per word would find them: a keyword starts with a well-formed CJK
// rune, and all those are tried (keywords do not overlap themselves, so
// the occurrences of one word do not overlap either).
func (ps *paraScan) scan(p string) {
	*ps = paraScan{roles: ps.roles[:0], credits: ps.credits[:0], you: ps.you[:0]}
	// Counters in locals: the loop runs once per byte.
	han, upper, dun := false, 0, 0
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if upper < 2 {
				if c-'A' < 26 {
					upper++
				}
				i++
				continue
			}
			// Two upper-case letters seen: only non-ASCII runes matter
			// now.
			for i++; i < len(p) && p[i] < utf8.RuneSelf; i++ {
			}
			continue
		}
		r, n := decodeCJK(p, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(p[i:])
			if r == '、' {
				dun++
			}
			han = han || text.IsHan(r)
			i += n
			continue
		}
		han = han || text.IsHan(r)
		if !keywordLeads[p[i]-0xE4][p[i+1]&0x3F] {
			i += n
			continue // no keyword starts with r
		}
		for _, k := range keywords.with(r) {
			w := keywords.words[k]
			if !strings.HasPrefix(p[i:], w) {
				continue
			}
			switch {
			case k < creditFirst:
				ps.roles = append(ps.roles, roleSpan{i, i + len(w), w})
			case k < youWord:
				ps.credits = append(ps.credits, creditHit{k - creditFirst, i})
			default:
				ps.you = append(ps.you, i+len(w))
			}
		}
		i += n
	}
	ps.han, ps.upper, ps.dun = han, upper, dun
}
