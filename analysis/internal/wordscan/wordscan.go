// Package wordscan finds many plain words in one pass over a text. The
// analysis packages use it in place of regular expressions of literal
// alternatives (which Go runs by trying every position) and of one
// strings.Index per word (each a pass of its own): candidates are looked
// up by the two bytes they start with, after cheap per-rune filters.
package wordscan

// Table is a set of words to find. Build it once (New, Add) and use it
// from any number of goroutines: the lookups do not modify it.
type Table struct {
	// fold compares the text's ASCII letters lower-cased; the words
	// must then be lower case. Runes whose folding the table cannot
	// mimic are entered as special entries (see Entry.Special).
	fold bool
	// row maps a word's first byte to 1 + its index in rows (0: no
	// word starts so), and rows a second byte to 1 + the index of the
	// candidates' list. Both cases of a letter map alike when folding.
	// Small tables, so that the lookup of every byte stays in cache.
	row  [256]uint8
	rows [][256]uint8
	// first3 has a bit for each three-byte rune a word starts with:
	// in Chinese text, one test per character rules out all but the
	// characters that start a word.
	first3 [1 << 16 / 64]uint64
	// short3 marks the first runes of words shorter than two three-byte
	// runes; for the others, pair has a bit for the hash (pair6) of the
	// first two, which rules out most places a common first character
	// leaves (党, 中, 学).
	short3 [1 << 16 / 64]uint64
	pair   [1 << 16 / 64]uint64
	// quad has a bit for the hash (quad4) of the first four bytes of
	// each word that starts with an ASCII byte: in English text, one
	// test per byte rules out most places.
	quad    [1 << 16 / 64]uint64
	lists   [][]Entry
	n       int // entries
	special bool
}

// Entry is one word of a table.
type Entry struct {
	Word string
	// Tag is the caller's meaning of the word (a class index, below
	// MaxTags); Count sums by it.
	Tag int
	// BoundBefore and BoundAfter require an ASCII word boundary (\b)
	// before and after the word.
	BoundBefore, BoundAfter bool
	// Special marks a rune that the caller's pattern folds to an ASCII
	// letter (U+212A KELVIN SIGN is k for strings.ToLower and for (?i));
	// its presence makes the table's answer unsure.
	Special bool

	id      int  // entry number, for per-word state
	letters bool // the word has ASCII letters (set by Add)
}

// ID returns the entry's number in its table (0 up to MaxEntries), for
// callers that keep per-word state as Count does.
func (e *Entry) ID() int { return e.id }

// MaxEntries bounds a table, so that per-word state fits an array on the
// stack.
const MaxEntries = 160

// MaxTags bounds Entry.Tag, so that Count's sums fit an array on the
// stack.
const MaxTags = 16

// New returns a table of the entries. A folding table compares ASCII
// letters case-insensitively; its words must be lower case.
func New(fold bool, entries ...Entry) *Table {
	t := &Table{fold: fold}
	for _, e := range entries {
		t.Add(e)
	}
	return t
}

// Add adds an entry. It panics on words the scan cannot find as given:
// shorter than two bytes, starting inside a rune, upper case in a folding
// table, ASCII words shorter than four bytes (the filter hashes four).
func (t *Table) Add(e Entry) {
	w := e.Word
	if len(w) < 2 || t.n >= MaxEntries || e.Tag < 0 || e.Tag >= MaxTags {
		panic("wordscan: bad table entry " + w)
	}
	if w[0]&0xC0 == 0x80 {
		panic("wordscan: word starting inside a rune: " + w)
	}
	for i := 0; i < len(w); i++ {
		if t.fold && w[i] >= 'A' && w[i] <= 'Z' {
			panic("wordscan: upper case in a folding table: " + w)
		}
		e.letters = e.letters || w[i] >= 'a' && w[i] <= 'z'
	}
	a, b := w[0], w[1]
	if t.row[a] == 0 {
		t.rows = append(t.rows, [256]uint8{})
		if len(t.rows) > 255 {
			panic("wordscan: too many first bytes")
		}
		t.row[a] = uint8(len(t.rows))
		if t.fold {
			t.row[upperASCII(a)] = t.row[a]
		}
	}
	r := &t.rows[t.row[a]-1]
	if r[b] == 0 {
		t.lists = append(t.lists, nil)
		if len(t.lists) > 255 {
			panic("wordscan: too many word prefixes")
		}
		r[b] = uint8(len(t.lists))
		if t.fold {
			r[upperASCII(b)] = r[b]
		}
	}
	switch {
	case w[0] < 0x80:
		if len(w) < 4 {
			panic("wordscan: ASCII word shorter than four bytes: " + w)
		}
		h := quad4(w, 0)
		t.quad[h/64] |= 1 << (h % 64)
	case w[0] >= 0xE0 && w[0] < 0xF0:
		r := rune3(w, 0)
		t.first3[r/64] |= 1 << (r % 64)
		if len(w) < 6 {
			t.short3[r/64] |= 1 << (r % 64)
		} else {
			h := pair6(w, 0)
			t.pair[h/64] |= 1 << (h % 64)
		}
	}
	e.id = t.n
	t.n++
	t.lists[r[b]-1] = append(t.lists[r[b]-1], e)
	t.special = t.special || e.Special
}

// upperASCII maps a-z to A-Z and every other byte to itself.
func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// candidates returns the entries that may start at s[i] (i+1 < len(s)).
func (t *Table) candidates(s string, i int) []Entry {
	r := t.row[s[i]]
	if r == 0 {
		return nil
	}
	if x := t.rows[r-1][s[i+1]]; x != 0 {
		return t.lists[x-1]
	}
	return nil
}

// rune3 returns the 16 bits a three-byte UTF-8 sequence at s[i:] carries
// (lead byte E0..EF, then two continuation bytes): distinct sequences give
// distinct values.
func rune3(s string, i int) uint16 {
	return uint16(s[i]&0x0F)<<12 | uint16(s[i+1]&0x3F)<<6 | uint16(s[i+2]&0x3F)
}

// quad4 hashes the four bytes at s[i:] to 16 bits, ASCII letters of
// either case alike (so it serves folding tables too): a filter, whose
// collisions only cost a closer look.
func quad4(s string, i int) uint16 {
	s = s[i : i+4]
	k := (uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24) & 0x1F1F1F1F
	return uint16(k * 0x9E3779B1 >> 16)
}

// quadHit reports whether the four bytes at s[i:] may start a word.
func (t *Table) quadHit(s string, i int) bool {
	h := quad4(s, i)
	return t.quad[h/64]&(1<<(h%64)) != 0
}

// pair6 hashes the six bytes at s[i:] (a three-byte rune first) to 16
// bits: a filter, like quad4.
func pair6(s string, i int) uint16 {
	k := uint32(rune3(s, i))<<16 | uint32(s[i+3])<<8 ^ uint32(s[i+4])<<4 ^ uint32(s[i+5])
	return uint16(k * 0x9E3779B1 >> 16)
}

// Each calls f for every word of the table occurring in s (boundaries
// included), by position, until f returns false. A word starts with an
// ASCII byte or a whole rune, never with a continuation byte, so the
// scan steps over the rest of a three-byte rune (most Chinese text).
func (t *Table) Each(s string, f func(i int, e *Entry) bool) {
	for i := 0; i+1 < len(s); {
		c := s[i]
		next := i + 1
		switch {
		case c < 0x80:
			// A run of ASCII (English text) in a loop of its own. Spaces,
			// punctuation and the letters no word starts with are ruled
			// out by one lookup, before the hash.
			for t.row[c] == 0 || i+3 < len(s) && !t.quadHit(s, i) {
				if i++; i+1 >= len(s) {
					return
				}
				if c = s[i]; c >= 0x80 {
					break
				}
			}
			if c >= 0x80 {
				continue
			}
			next = i + 1
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			next = i + 3
			r := rune3(s, i)
			if t.first3[r/64]&(1<<(r%64)) == 0 {
				i = next
				continue
			}
			if t.short3[r/64]&(1<<(r%64)) == 0 && i+5 < len(s) {
				if h := pair6(s, i); t.pair[h/64]&(1<<(h%64)) == 0 {
					i = next
					continue
				}
			}
		}
		cs := t.candidates(s, i)
		for k := range cs {
			if e := &cs[k]; t.matchAt(s, i, e) && !f(i, e) {
				return
			}
		}
		i = next
	}
}

// matchAt reports whether e occurs at s[i:], boundaries included.
func (t *Table) matchAt(s string, i int, e *Entry) bool {
	w := e.Word
	end := i + len(w)
	if end > len(s) {
		return false
	}
	// The first two bytes selected e; the third rules out most of the
	// Chinese candidates (those of the same 64-character block).
	if len(w) > 2 {
		c := s[i+2]
		if t.fold {
			c = lowerASCII[c]
		}
		if c != w[2] {
			return false
		}
	}
	if t.fold && e.letters {
		for j := 0; j < len(w); j++ {
			if lowerASCII[s[i+j]] != w[j] {
				return false
			}
		}
	} else if s[i:end] != w {
		return false
	}
	if e.BoundBefore && i > 0 && IsWordByte(s[i-1]) {
		return false
	}
	if e.BoundAfter && end < len(s) && IsWordByte(s[end]) {
		return false
	}
	return true
}

// First returns the leftmost position where a word of the table occurs
// (-1 for none) and the word. sure is false when a special entry occurs,
// which could change that answer.
func (t *Table) First(s string) (pos int, e *Entry, sure bool) {
	pos, sure = -1, true
	t.Each(s, func(i int, c *Entry) bool {
		if c.Special {
			pos, e, sure = -1, nil, false
			return false
		}
		if pos < 0 {
			pos, e = i, c
		}
		// Without special entries the first word is the answer; with
		// them, look on for one.
		return t.special
	})
	return pos, e, sure
}

// Count adds to counts[tag] the occurrences of each word of the table in
// s, counted as strings.Count does (non-overlapping, leftmost first). It
// returns false, and adds nothing, when a special entry occurs. counts
// must have room for every tag of the table.
func (t *Table) Count(s string, counts []int) bool {
	var next [MaxEntries]int // per word: where its next occurrence may start
	var local [MaxTags]int
	ok := true
	t.Each(s, func(i int, c *Entry) bool {
		if c.Special {
			ok = false
			return false
		}
		if i >= next[c.id] {
			local[c.Tag]++
			next[c.id] = i + len(c.Word)
		}
		return true
	})
	if !ok {
		return false
	}
	for i, n := range local[:min(len(counts), MaxTags)] {
		counts[i] += n
	}
	return true
}

// IsWordByte is \b's notion of a word character (ASCII only).
func IsWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// SkipDigitFree returns where a byte-by-byte search of s for an ASCII
// digit can start without missing one: it steps over eight bytes at a
// time while they hold none (most paragraphs have no digit).
func SkipDigitFree(s string) int {
	const ones, low7, high = 0x0101010101010101, 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// The exact "has between" test of Bit Twiddling Hacks: a byte
		// above '0'-1 and below '9'+1.
		t := x & low7
		if (ones*(127+'9'+1)-t)&^x&(t+ones*(127-('0'-1)))&high != 0 {
			break
		}
	}
	return i
}

// LowerASCII maps A-Z to a-z and every other byte to itself.
func LowerASCII(c byte) byte { return lowerASCII[c] }

var lowerASCII = func() (tab [256]byte) {
	for i := range tab {
		tab[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			tab[i] = byte(i) + 'a' - 'A'
		}
	}
	return tab
}()
