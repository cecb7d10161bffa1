// Package keywords ranks an article's words by TF-IDF and collects its
// quoted slogans.
//
// The IDF table is gse's embedded one (gse.ZhIdf). gse's own extractor
// gives words missing from that table the table's "median", which stays 0
// after LoadIdfStr, so new vocabulary (党建品牌, 一岗双责 …) never ranked;
// here the median is computed when the table is loaded.
package keywords

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"meetscan/analysis/text"
	"meetscan/data"
)

// IDF is an inverse-document-frequency table with a median for unknown
// words. It is immutable after Load.
type IDF struct {
	table  idfTable
	median float64
	max    float64 // largest weight, the median included
}

// ParseIDF reads lines "word idf"; a later line of a word wins.
func ParseIDF(s string) *IDF {
	t := &IDF{table: newIDFTable(strings.Count(s, "\n") + 1)}
	vals := make([]float64, 0, 280000)
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		sp := strings.LastIndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(line[sp+1:]), 64)
		if err != nil {
			continue
		}
		t.table.put(line[:sp], v)
		vals = append(vals, v)
	}
	if len(vals) > 0 {
		sort.Float64s(vals)
		t.median = vals[len(vals)/2]
		t.max = vals[len(vals)-1]
	}
	return t
}

// Weight returns the IDF of w, the median for unknown words.
func (t *IDF) Weight(w string) float64 {
	if v, ok := t.table.get(w); ok {
		return v
	}
	return t.median
}

// idfTable is the IDF map as an open-addressing table: the 270k-word
// table does not fit any cache, and a Go map lookup costs about three
// cache misses (control word, slot, key bytes); here a slot holds a hash
// fingerprint and the offset of the entry, whose weight sits next to its
// key bytes, so a lookup costs about two.
type idfTable struct {
	seed  maphash.Seed
	slots []uint64 // fingerprint<<32 | offset+1 in blob; 0: empty
	mask  uint64
	// blob holds the entries: the weight's 8 bytes (little endian), the
	// key's length (2 bytes), the key.
	blob []byte
	long map[string]float64 // keys too long for the 2-byte length
}

// newIDFTable returns an empty table for up to n words.
func newIDFTable(n int) idfTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return idfTable{seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: uint64(size - 1), long: map[string]float64{}}
}

// put sets the weight of w; the table must have room (newIDFTable).
func (t *idfTable) put(w string, v float64) {
	if len(w) > 0xFFFF || len(t.blob) >= 1<<31 {
		t.long[w] = v
		return
	}
	h := maphash.String(t.seed, w)
	i := h & t.mask
	for ; t.slots[i] != 0; i = (i + 1) & t.mask {
		if off, ok := t.match(t.slots[i], h, w); ok {
			binary.LittleEndian.PutUint64(t.blob[off:], math.Float64bits(v))
			return
		}
	}
	off := len(t.blob)
	t.blob = binary.LittleEndian.AppendUint64(t.blob, math.Float64bits(v))
	t.blob = binary.LittleEndian.AppendUint16(t.blob, uint16(len(w)))
	t.blob = append(t.blob, w...)
	t.slots[i] = h>>32<<32 | uint64(off+1)
}

// match reports whether slot s holds w, whose hash is h, and the offset
// of its entry.
func (t *idfTable) match(s, h uint64, w string) (int, bool) {
	if s>>32 != h>>32 {
		return 0, false
	}
	off := int(uint32(s)) - 1
	e := t.blob[off:]
	n := int(binary.LittleEndian.Uint16(e[8:]))
	return off, n == len(w) && string(e[10:10+n]) == w
}

func (t *idfTable) get(w string) (float64, bool) {
	if len(w) > 0xFFFF || len(t.slots) == 0 {
		v, ok := t.long[w]
		return v, ok
	}
	h := maphash.String(t.seed, w)
	for i := h & t.mask; t.slots[i] != 0; i = (i + 1) & t.mask {
		if off, ok := t.match(t.slots[i], h, w); ok {
			return math.Float64frombits(binary.LittleEndian.Uint64(t.blob[off:])), true
		}
	}
	if len(t.long) > 0 { // keys past the blob's 2 GB
		v, ok := t.long[w]
		return v, ok
	}
	return 0, false
}

// Median is the weight of unknown words.
func (t *IDF) Median() float64 { return t.median }

var (
	defaultOnce sync.Once
	defaultIDF  *IDF
)

// Default returns gse's embedded IDF table, parsed once per process.
func Default() *IDF {
	defaultOnce.Do(func() { defaultIDF = ParseIDF(gse.ZhIdf) })
	return defaultIDF
}

// Stops is an immutable set of stop words, the built-in English and
// Chinese ones included, with a hashed bit set in front of its map. Build
// it once (NewStops) and hand it to each article's counter (NewCounter):
// most tokens are no stop word, and the bit set spares them the map.
type Stops struct {
	ws wordSet
}

// NewStops returns the built-in stop words plus words (for example gse's
// Segmenter.StopWordMap; words mapped to false count too, as for gse's
// IsStop).
func NewStops(words map[string]bool) *Stops {
	s := &Stops{ws: wordSet{words: make(map[string]bool, len(words)+len(zhStop.words)+len(enStop.words))}}
	for _, set := range []map[string]bool{zhStop.words, enStop.words, words} {
		for w := range set {
			s.ws.add(w)
		}
	}
	return s
}

// Counter accumulates term frequencies over an article's tokens.
type Counter struct {
	tf    map[string]int
	total int

	// Words in stops or exclude are not counted; exBits is a small hashed
	// bit set of exclude (wordBit modulo 256: exclude holds a few names).
	stops   *Stops
	exclude map[string]bool
	exBits  [4]uint64
}

// NewCounter returns an empty counter that skips the words of stops (built
// once per process) and of exclude (may be nil: the article's own
// exclusions, such as its people's names). The counter keeps exclude; do
// not change it while counting.
func NewCounter(stops *Stops, exclude map[string]bool) *Counter {
	c := &Counter{tf: make(map[string]int, 64), stops: stops, exclude: exclude}
	for w, ok := range exclude {
		if ok {
			b := wordBit(w) % 256
			c.exBits[b/64] |= 1 << (b % 64)
		}
	}
	return c
}

// isStop reports whether tok is in the counter's stops or exclude.
func (c *Counter) isStop(tok string) bool {
	b := wordBit(tok)
	if c.stops.ws.bits[b/64]&(1<<(b%64)) != 0 {
		if _, ok := c.stops.ws.words[tok]; ok {
			return true
		}
	}
	b %= 256
	return c.exBits[b/64]&(1<<(b%64)) != 0 && c.exclude[tok]
}

// Add counts one token if it can be a keyword: Chinese words of two or
// more characters, Latin words of three or more letters, no numbers, no
// stop words.
func (c *Counter) Add(tok string) {
	tok = trimSpace(tok)
	if tok == "" {
		return
	}
	r, n := utf8.DecodeRuneInString(tok)
	switch {
	case text.IsHan(r):
		if len(tok) == n { // one character
			return
		}
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		if len(tok) < 3 {
			return
		}
		tok = strings.ToLower(tok)
	default:
		return
	}
	if hasDigit(tok) || c.isStop(tok) {
		return
	}
	c.tf[tok]++
	c.total++
}

// trimSpace is strings.TrimSpace with a shortcut for the usual token,
// which starts and ends with an ASCII non-space or a character of
// U+4000..U+9FFF (lead byte E4..E9; no Unicode space is among them).
func trimSpace(s string) string {
	n := len(s)
	if n == 0 {
		return s
	}
	c0 := s[0]
	if (c0 > ' ' && c0 < utf8.RuneSelf || c0 >= 0xE4 && c0 <= 0xE9) &&
		(s[n-1] > ' ' && s[n-1] < utf8.RuneSelf || n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9) {
		return s
	}
	return strings.TrimSpace(s)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Top returns the n best keywords by tf·idf, weights normalised so the
// best is 1.
func (c *Counter) Top(idf *IDF, n int) []data.Keyword {
	if c.total == 0 || n <= 0 {
		return nil
	}
	// Looking a word up in the 270k-word IDF table is a cache miss; most
	// words occur once and cannot reach the top n. Words are weighed by
	// falling frequency, and once even the largest IDF cannot lift a
	// frequency level to the n-th best weight so far, the rest are
	// skipped (strictly below it, so ties are still weighed: the result
	// is the same as weighing every word).
	words := make([]string, 0, len(c.tf))
	freq := make([]int, 0, len(c.tf))
	for w, f := range c.tf {
		words = append(words, w)
		freq = append(freq, f)
	}
	order := byFalling(freq)
	// best holds the n best weighed so far, best first (by weight, then
	// term: the order of the result).
	best := make([]data.Keyword, 0, n+1)
	for k, i := range order {
		f := freq[i]
		if k > 0 && f != freq[order[k-1]] && len(best) >= n {
			if float64(f)/float64(c.total)*idf.max < best[n-1].Weight {
				break
			}
		}
		kw := data.Keyword{Term: words[i], Weight: float64(f) / float64(c.total) * idf.Weight(words[i])}
		if len(best) == n && !before(kw, best[n-1]) {
			continue
		}
		at := len(best)
		for at > 0 && before(kw, best[at-1]) {
			at--
		}
		best = slices.Insert(best, at, kw)
		if len(best) > n {
			best = best[:n]
		}
	}
	if max := best[0].Weight; max > 0 {
		for i := range best {
			best[i].Weight = float64(int(best[i].Weight/max*1000+0.5)) / 1000
		}
	}
	return best
}

// before reports whether a ranks before b: higher weight, then term.
func before(a, b data.Keyword) bool {
	if a.Weight != b.Weight {
		return a.Weight > b.Weight
	}
	return a.Term < b.Term
}

// byFalling returns the indexes of freq by falling frequency (a counting
// sort: frequencies are small).
func byFalling(freq []int) []int32 {
	max := 0
	for _, f := range freq {
		if f > max {
			max = f
		}
	}
	start := make([]int32, max+2) // start[max-f]: first slot of frequency f
	for _, f := range freq {
		start[max-f+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	order := make([]int32, len(freq))
	for i, f := range freq {
		order[start[max-f]] = int32(i)
		start[max-f]++
	}
	return order
}

// Boilerplate of meeting reports: frequent in every article, so useless as
// keywords, and missing from or underweighted in gse's general IDF table.
var zhStop = set("会议 召开 参加 进行 工作 要求 强调 指出 表示 同志 一是 二是 三是 四是 五是 一要 二要 三要 同时 以及 并且 通过 开展 推动 推进 加强 提高 不断 进一步 切实 认真 全面 深入 积极 坚持 围绕 结合 各项 有关 相关 重要 主要 我们 他们 大家 此次 本次 会上 会议室 上午 下午 一次 活动 情况 方面 问题 取得 成绩")

var enStop = set("attended attend delivered speech reported report said made held meeting conference the and for with that this from are was were has have had been being its their they them our his her she him will would should must can could may might not but also all any each every more most other some such than then there these those into onto over under about after before during while which who whom whose what when where why how only very just both either neither nor one two three four five six first second third fourth fifth new year years meeting party work held well good further effectively promote promoting strengthen improve implement carry carried out through based focus role take taking make making various future next") // generic verbs/adverbs of every report

// wordSet is a set of words with a hashed bit set in front of its map:
// nearly every token is no stop word, and the bit test spares it the map
// lookup.
type wordSet struct {
	bits  [wordBits / 64]uint64
	words map[string]bool
}

const wordBits = 1 << 14

func wordBit(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ (uint32(w[0])<<16 | uint32(w[n/2])<<8 | uint32(w[n-1]))
	h *= 0x85EBCA77
	return (h ^ h>>15) & (wordBits - 1)
}

func set(s string) *wordSet {
	ws := &wordSet{words: map[string]bool{}}
	for _, w := range strings.Fields(s) {
		ws.add(w)
	}
	return ws
}

func (ws *wordSet) add(w string) {
	ws.words[w] = true
	b := wordBit(w)
	ws.bits[b/64] |= 1 << (b % 64)
}

func (ws *wordSet) has(w string) bool {
	b := wordBit(w)
	return ws.bits[b/64]&(1<<(b%64)) != 0 && ws.words[w]
}

// Tokenize feeds the counter the words of one paragraph, cut by gse's
// shortest-path segmenter (Segment, its fastest mode) in one call per
// paragraph; Add drops punctuation, spaces and short words.
func (c *Counter) Tokenize(seg *gse.Segmenter, p string) {
	b := []byte(p)
	for _, sg := range seg.Segment(b) {
		tok := b[sg.Start():sg.End()]
		// Most tokens are punctuation, spaces or single characters:
		// skip them before making a string.
		if len(tok) < 3 || len(tok) == 3 && tok[0] >= utf8.RuneSelf {
			continue
		}
		c.Add(string(tok))
	}
}

// TokenizeCut is Tokenize for a paragraph the caller has already cut:
// ends are the ascending byte offsets at which its tokens end (the End()
// of each gse segment), so one segmentation serves keywords and themes.
func (c *Counter) TokenizeCut(p string, ends []int) {
	prev := 0
	for _, e := range ends {
		if e <= prev || e > len(p) {
			continue
		}
		tok := p[prev:e]
		prev = e
		if len(tok) < 3 || len(tok) == 3 && tok[0] >= utf8.RuneSelf {
			continue
		}
		c.Add(tok)
	}
}
