package taxonomy

import (
	"unicode"
	"unicode/utf8"

	"meetscan/data"
)

// Character classes of scan, by rune: what scan does with each character.
const (
	clsSep   uint8 = iota // separates tokens, emits nothing
	clsWord               // part of a Latin/digit word
	clsHan                // part of a Chinese run
	clsBreak              // separates tokens and emits a break
)

// classOf is the class scan gives r.
func classOf(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		c := byte(r)
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return clsWord
		}
	case isHan(r):
		return clsHan
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return clsWord
	}
	if isBreak(r) {
		return clsBreak
	}
	return clsSep
}

// bmpClass is classOf for the Basic Multilingual Plane: Chinese
// punctuation would otherwise cost three Unicode table searches per
// character (Han, letter, digit).
var bmpClass = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := range t {
		t[r] = classOf(rune(r))
	}
	return &t
}()

func class(r rune) uint8 {
	if r < 0x10000 {
		return bmpClass[r]
	}
	return classOf(r)
}

// vocabBits is a hashed bit set of the vocabulary (see mayKnow): most
// tokens of ordinary text are no term token, and the bit test spares
// them a map lookup.
const vocabBits = 1 << 16

func vocabBit(tok string) uint32 {
	n := len(tok)
	h := uint32(n) * 0x9E3779B1
	if n > 0 {
		h ^= uint32(tok[0])<<8 | uint32(tok[n-1])
		h *= 0x85EBCA77
	}
	if n > 1 {
		h ^= uint32(tok[1])<<8 | uint32(tok[n-2])
		h *= 0xC2B2AE35
	}
	return (h ^ h>>16) & (vocabBits - 1)
}

// noteVocab sets the bits of the vocabulary; called once the vocabulary
// is complete.
func (m *Matcher) noteVocab() {
	for tok := range m.vocab {
		bit := vocabBit(tok)
		m.vocabSet[bit/64] |= 1 << (bit % 64)
	}
}

// id returns the vocabulary id of tok, or -1.
func (m *Matcher) id(tok string) int32 {
	bit := vocabBit(tok)
	if m.vocabSet[bit/64]&(1<<(bit%64)) == 0 {
		return -1
	}
	return m.table.get(tok)
}

// vocabTable is the vocabulary as an open-addressing hash table: the
// tokens that pass the bit set are mostly term tokens, and this lookup is
// cheaper than a Go map's for short strings.
type vocabTable struct {
	keys []string
	ids  []int32 // -1: empty slot
	mask uint32
}

func newVocabTable(vocab map[string]int32) vocabTable {
	n := 16
	for n < 4*len(vocab) {
		n *= 2
	}
	t := vocabTable{keys: make([]string, n), ids: make([]int32, n), mask: uint32(n - 1)}
	for i := range t.ids {
		t.ids[i] = -1
	}
	for tok, id := range vocab {
		i := tokHash(tok) & t.mask
		for t.ids[i] >= 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.ids[i] = tok, id
	}
	return t
}

func (t *vocabTable) get(tok string) int32 {
	if len(t.ids) == 0 {
		return -1
	}
	for i := tokHash(tok) & t.mask; ; i = (i + 1) & t.mask {
		id := t.ids[i]
		if id < 0 {
			return -1
		}
		if t.keys[i] == tok {
			return id
		}
	}
}

// tokHash hashes a token eight bytes at a time.
func tokHash(s string) uint32 {
	h := uint64(len(s)) * 0x9E3779B97F4A7C15
	for len(s) >= 8 {
		_ = s[7]
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ w) * 0xBF58476D1CE4E5B9
		h ^= h >> 31
		s = s[8:]
	}
	var w uint64
	for i := 0; i < len(s); i++ {
		w |= uint64(s[i]) << (8 * i)
	}
	h = (h ^ w) * 0x94D049BB133111EB
	return uint32(h>>32) ^ uint32(h)
}

// MatchCutSpan is MatchCut(text[start:end], ends) for ends that are the
// token ends of all of text: those at or before start are skipped and the
// others shifted by start, without making the shifted slice. The analysis
// matches each requirement span of a paragraph with the paragraph's cut.
func (m *Matcher) MatchCutSpan(text string, ends []int, start, end int) []data.ThemeHit {
	if start < 0 || end > len(text) || start >= end || len(m.terms) == 0 {
		return nil
	}
	sc := m.ids.Get().(*scratch)
	ids := m.cutIDs(sc.ids[:0], text[start:end], ends, start, &sc.word)
	hits := m.hits(ids)
	sc.ids = ids[:0]
	m.ids.Put(sc)
	return hits
}

// cutIDs appends the ids of FoldTraditional(s), a piece of cut text
// starting at byte off of the text ends refers to.
//
// The analysis cuts folded text, so s usually has nothing to fold: scan
// takes s as it is and gives up at the first traditional character (it
// decodes every Chinese character anyway), and only then is s folded and
// scanned again. This spares FoldTraditional's own pass over the text.
func (m *Matcher) cutIDs(dst []int32, s string, ends []int, off int, word *[]byte) []int32 {
	check := len(tradOutside) == 0 // else foldTable is not all of the folding
	if !check {
		s = FoldTraditional(s)
	}
	c := tokenizer{m: m, text: s, ends: ends, ids: dst, word: *word, checkFold: check}
	if !c.scan(off) {
		c = tokenizer{m: m, text: FoldTraditional(s), ends: ends, ids: dst, word: c.word}
		c.scan(off)
	}
	*word = c.word
	return c.ids
}

// tokenizer is the state of cutIDs.
type tokenizer struct {
	m    *Matcher
	text string // folded
	ends []int
	ids  []int32
	word []byte // scratch for normWord

	checkFold bool // stop at a character FoldTraditional changes
}

// scan tokenizes c.text like scan (breaks, words, Chinese runs), with the
// Chinese runs split at c.ends (minus off, those at or before a run's
// start skipped), and appends the ids of the tokens to c.ids: -1 for
// breaks and for tokens that are no term token. With c.checkFold set it
// returns false, at once, if c.text has a character FoldTraditional
// changes (all of which are in U+4E00..U+9FFF when tradOutside is empty).
func (c *tokenizer) scan(off int) bool {
	s := c.text
	m := c.m
	k := 0 // first end not yet passed
	cur, start := clsSep, 0
	flush := func(at int) {
		switch cur {
		case clsWord:
			if w := s[start:at]; plainWord(w) {
				c.ids = append(c.ids, m.id(w))
			} else {
				c.word = normWord(c.word[:0], w)
				if len(c.word) > 0 {
					c.ids = append(c.ids, m.id(string(c.word)))
				}
			}
		case clsHan:
			for k < len(c.ends) && c.ends[k]-off <= start {
				k++
			}
			for st := start; st < at; {
				end := at
				if k < len(c.ends) && c.ends[k]-off < at {
					end = c.ends[k] - off
					k++
				}
				c.ids = m.appendHan(c.ids, s[st:end])
				st = end
			}
		}
		cur = clsSep
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			// Most non-ASCII text is Chinese: well-formed 3-byte
			// sequences (lead E1..EC, EE, EF) decoded inline.
			if c := s[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			} else {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
		}
		var cl uint8
		if r >= foldLo && r <= foldHi {
			if c.checkFold && foldTable[r-foldLo] != 0 {
				return false
			}
			cl = clsHan
		} else {
			cl = class(r)
		}
		switch cl {
		case clsWord, clsHan:
			if cur != cl {
				if cur != clsSep {
					flush(i)
				}
				cur, start = cl, i
			}
		case clsBreak:
			if cur != clsSep {
				flush(i)
			}
			c.ids = append(c.ids, -1)
		default:
			if cur != clsSep {
				flush(i)
			}
		}
		i += n
	}
	flush(len(s))
	return true
}

// appendHan appends the ids of one Chinese token: emitHan's parts.
func (m *Matcher) appendHan(dst []int32, tok string) []int32 {
	id := m.id(tok)
	if id >= 0 || len(tok) < 12 || !m.startsPartString(tok) {
		return append(dst, id)
	}
	if out, ok := m.appendCompound(dst, tok); ok {
		return out
	}
	return append(dst, id)
}

// appendCompound appends to dst the ids of the parts of tok's compound
// split (compoundCuts), reporting whether there is one.
func (m *Matcher) appendCompound(dst []int32, tok string) ([]int32, bool) {
	var buf [32]int
	cuts := m.compoundCuts(tok, buf[:0])
	if cuts == nil {
		return dst, false
	}
	prev := 0
	for _, c := range cuts {
		dst = append(dst, m.id(tok[prev:c]))
		prev = c
	}
	return dst, true
}

// compoundCuts appends to cuts the end offsets of a split of tok into two
// or more term tokens of at least two characters each (the fewest parts,
// longest first) and returns them, or nil when there is none. Tokens of
// up to 32 characters need no allocation.
func (m *Matcher) compoundCuts(tok string, cuts []int) []int {
	n := len(tok)
	// best[i]: fewest parts covering tok[:i]; from[i]: start of the last one.
	var bestBuf, fromBuf [97]int
	best, from := bestBuf[:], fromBuf[:]
	if n+1 > len(best) {
		best, from = make([]int, n+1), make([]int, n+1)
	}
	best, from = best[:n+1], from[:n+1]
	for i := 1; i <= n; i++ {
		best[i] = -1
	}
	for i := 0; i < n; i++ {
		if best[i] < 0 || i > 0 && tok[i]&0xC0 == 0x80 {
			continue
		}
		for j := n; j >= i+6; j-- { // parts of two or more characters
			if j < n && tok[j]&0xC0 == 0x80 { // not a character boundary
				continue
			}
			if (best[j] < 0 || best[i]+1 < best[j]) && m.id(tok[i:j]) >= 0 {
				best[j], from[j] = best[i]+1, i
			}
		}
	}
	if best[n] < 2 {
		return nil
	}
	at := len(cuts)
	for range best[n] {
		cuts = append(cuts, 0)
	}
	for i, k := n, best[n]-1; i > 0; i, k = from[i], k-1 {
		cuts[at+k] = i
	}
	return cuts
}

// startsPartString is startsPart for a string.
func (m *Matcher) startsPartString(tok string) bool {
	r0, n := utf8.DecodeRuneInString(tok)
	r1, _ := utf8.DecodeRuneInString(tok[n:])
	return m.has(bigramBit(r0, r1)) && len(m.parts[bigramKey(r0, r1)]) > 0
}

// plainWord reports whether normWord leaves w as it is: lower-case ASCII
// that stem does not touch (no plural s, no -isation).
func plainWord(w string) bool {
	n := len(w)
	for i := 0; i < n; i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	if w[n-1] == 's' {
		return false
	}
	return n <= 7 || w[n-7:] != "isation"
}
