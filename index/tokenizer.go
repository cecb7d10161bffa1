package index

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"github.com/go-ego/gse"

	"meetscan/analysis/segment"
	"meetscan/analysis/taxonomy"
)

// Names registered in bleve's registry.
const (
	// TokenizerName is the gse tokenizer. Config keys: "user_dict" (string,
	// the user dictionary text; the segmenter is shared per process) and
	// "sub_words" (bool, emit the dictionary sub-words of each word at the
	// word's position: search mode, used for indexing).
	TokenizerName = "meetscan_gse"
	// AnalyzerIndex and AnalyzerQuery are the analyzers a mapping built by
	// newMapping defines: search mode for documents, plain words for
	// queries.
	AnalyzerIndex = "meetscan_index"
	AnalyzerQuery = "meetscan_query"

	// tokenizerVersion changes whenever the tokens emitted or the mapping
	// change, so that Open asks for a rebuild (8: no _all field).
	tokenizerVersion = "gse-tok-9"
)

// CharsTokenizerName emits each distinct Han character of a text once:
// the "chars" field that lets a one-character query (党, 廉) find the
// character inside any word without expanding a wildcard over the whole
// term dictionary.
const CharsTokenizerName = "meetscan_chars"

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenizer(CharsTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return charsTokenizer{}, nil
	}); err != nil {
		panic(err)
	}
}

type charsTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (charsTokenizer) Tokenize(input []byte) analysis.TokenStream {
	seen := make(map[rune]struct{}, 256)
	var out analysis.TokenStream
	for i, r := range string(input) {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		term := foldTerm([]byte(string(r)))
		fr, _ := utf8.DecodeRune(term)
		if _, dup := seen[fr]; dup {
			continue
		}
		seen[fr] = struct{}{}
		out = append(out, &analysis.Token{Start: i, End: i + utf8.RuneLen(r), Term: term,
			Position: len(out) + 1, Type: analysis.Ideographic})
	}
	return out
}

// tokenizerConstructor runs once per index mapping; the segmenter itself is
// loaded once per process by segment.Shared.
func tokenizerConstructor(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	dict, _ := config["user_dict"].(string)
	sub, _ := config["sub_words"].(bool)
	var seg *gse.Segmenter
	var err error
	if dict == "" {
		seg, err = segment.Default()
	} else {
		seg, err = segment.Shared(dict)
	}
	if err != nil {
		return nil, fmt.Errorf("gse tokenizer: %w", err)
	}
	return &Tokenizer{seg: seg, subWords: sub}, nil
}

// Tokenizer turns mixed Chinese/Latin text into bleve tokens with gse's
// shortest-path segmentation. Han words keep their text; Latin words are
// lower-cased and Porter-stemmed; punctuation, symbols and space are dropped
// without using a position. With subWords, the dictionary sub-words of a word
// (党建 and 工作 of 党建工作) are emitted at the word's own position, so short
// queries match inside long words while phrases of whole words still match.
type Tokenizer struct {
	seg      *gse.Segmenter
	subWords bool
}

// NewTokenizer returns a tokenizer over seg.
func NewTokenizer(seg *gse.Segmenter, subWords bool) *Tokenizer {
	return &Tokenizer{seg: seg, subWords: subWords}
}

// Tokenize implements analysis.Tokenizer.
//
// Positions count units: one per Han character and one per Latin word
// (punctuation and space count nothing). A Chinese word thus sits at the
// position of its first character and a sub-word at the position of its
// own first character, so phrase queries work at character level whatever
// way a text was segmented (支部书记 matches inside 党支部|书记): the
// query side leaves position gaps for the remaining characters of a word.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if len(input) == 0 {
		return analysis.TokenStream{}
	}
	segs := t.seg.Segment(input)
	out := make(analysis.TokenStream, 0, len(segs)+len(segs)/2)
	slab := tokenSlab{buf: make([]analysis.Token, 0, len(segs)+len(segs)/2)}
	units := 0
	latinEnd := 0 // end of the Latin run already emitted
	for i := range segs {
		s := &segs[i]
		start, end := s.Start(), s.End()
		if start < 0 || end > len(input) || start >= end || end <= latinEnd {
			continue
		}
		whole := start >= latinEnd
		if !whole {
			start = latinEnd // the rest of a segment a Latin run cut into
		}
		text := input[start:end]
		switch classify(text) {
		case kindSkip:
			continue
		case kindLatin:
			// Take the whole run from the input: gse splits "Party's"
			// and "high-quality" into several segments.
			latinEnd = latinRunEnd(input, start)
			units = appendLatin(&out, &slab, input, start, latinEnd, units, t.subWords)
			continue
		}
		pos := units + 1
		units += countUnits(text)
		out = append(out, slab.new(analysis.Token{
			Start: start, End: end, Term: foldTerm(text), Position: pos,
			Type: analysis.Ideographic,
		}))
		if whole && t.subWords {
			out = t.appendSubWords(out, &slab, input, start, end, pos)
		}
	}
	return out
}

// tokenSlab hands out tokens from shared arrays: one allocation per few
// hundred tokens instead of one per token (the tokens live as long as the
// stream; a full array is left to them and a new one started).
type tokenSlab struct{ buf []analysis.Token }

func (s *tokenSlab) new(t analysis.Token) *analysis.Token {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]analysis.Token, 0, max(64, cap(s.buf)/2))
	}
	s.buf = append(s.buf, t)
	return &s.buf[len(s.buf)-1]
}

// countUnits counts the characters of a Han token that take a position.
func countUnits(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// appendSubWords emits the dictionary words inside a word of three or more
// characters (jieba's search mode: every 2-, 3- and 4-character substring
// that is a dictionary word, so 评议 is found in 述职评议会 although gse
// splits that word as 述职|评议会), each at the position of its first
// character.
func (t *Tokenizer) appendSubWords(out analysis.TokenStream, slab *tokenSlab, input []byte, start, end, pos int) analysis.TokenStream {
	word := input[start:end]
	n := utf8.RuneCount(word)
	if n < 3 || n > 32 {
		return out
	}
	var offs [33]int // byte offset of each rune, and the end
	i := 0
	for off := range string(word) {
		offs[i] = off
		i++
	}
	offs[n] = len(word)
	for a := 0; a < n; a++ {
		for l := 2; l <= 4 && a+l <= n; l++ {
			if l == n {
				break // the word itself
			}
			sub := word[offs[a]:offs[a+l]]
			if classify(sub) != kindHan || !isHan([]rune(string(sub))[0]) {
				continue
			}
			if freq, _, ok := t.seg.Dict.Find(sub); !ok || freq <= 0 {
				continue
			}
			out = append(out, slab.new(analysis.Token{
				Start: start + offs[a], End: start + offs[a+l], Term: foldTerm(sub),
				Position: pos + a, Type: analysis.Ideographic,
			}))
		}
	}
	return out
}

// foldTerm folds traditional characters to simplified so that 黨建 and
// 党建 are one term (the taxonomy's table, character by character), and
// lower-cases any Latin letters inside a Chinese word.
func foldTerm(text []byte) []byte {
	s := taxonomy.FoldTraditional(string(text))
	if s == string(text) {
		for _, c := range text {
			if c >= 'A' && c <= 'Z' {
				return []byte(strings.ToLower(s))
			}
		}
		return text
	}
	return []byte(strings.ToLower(s))
}

type tokenKind int

const (
	kindSkip tokenKind = iota
	kindHan
	kindLatin
)

// classify: a token with any Han (or kana, hangul) character is kept as
// is; one with letters or digits of other scripts is Latin-like;
// everything else (space, punctuation, symbols) is skipped.
func classify(text []byte) tokenKind {
	kind := kindSkip
	for len(text) > 0 {
		r, n := utf8.DecodeRune(text)
		text = text[n:]
		switch {
		case isHan(r):
			return kindHan
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			kind = kindLatin
		}
	}
	return kind
}

// appendLatin splits input[start:end] into runs of letters/digits (an
// apostrophe inside a word is kept, a trailing 's dropped), lower-cases and
// stems them, and appends them with consecutive positions.
//
// With pairs (index mode), each word that follows another Latin word with
// only spaces or a hyphen between them is preceded by the pair as one
// token ("parti build", type Shingle, at the first word's position): a
// two-word phrase is then one term lookup instead of a position check in
// every article holding both words.
func appendLatin(out *analysis.TokenStream, slab *tokenSlab, input []byte, start, end, pos int, pairs bool) int {
	i := start
	for i < end {
		r, n := utf8.DecodeRune(input[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRune(input[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’') && j+n < end {
				if r2, _ := utf8.DecodeRune(input[j+n:]); unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		term := latinTerm(input[i:j])
		if len(term) > 0 {
			pos++
			if pairs {
				if prev := lastWord(*out); prev != nil && prev.Position == pos-1 && onlyJoiners(input[prev.End:i]) {
					*out = append(*out, slab.new(analysis.Token{
						Start: prev.Start, End: j, Term: pairTerm(prev.Term, term), Position: prev.Position,
						Type: analysis.Shingle,
					}))
				}
			}
			*out = append(*out, slab.new(analysis.Token{
				Start: i, End: j, Term: term, Position: pos,
				Type: analysis.AlphaNumeric,
			}))
		}
		i = j
	}
	return pos
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// latinTerm lower-cases (folding full-width forms), drops a possessive 's
// and applies the Porter stemmer to alphabetic words.
func latinTerm(b []byte) []byte {
	rs := make([]rune, 0, len(b))
	alpha := true
	for _, r := range string(b) {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		if r == '’' {
			r = '\''
		}
		r = unicode.ToLower(r)
		if !(r >= 'a' && r <= 'z') && r != '\'' {
			alpha = false
		}
		rs = append(rs, r)
	}
	if n := len(rs); n > 2 && rs[n-2] == '\'' && rs[n-1] == 's' {
		rs = rs[:n-2]
	}
	if alpha && len(rs) > 2 {
		rs = porterstemmer.StemWithoutLowerCasing(rs)
	}
	out := make([]byte, 0, len(rs))
	for _, r := range rs {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// latinRunEnd returns the end of the run of non-Han letters and digits
// starting at start, including apostrophes, hyphens and dots between them.
func latinRunEnd(input []byte, start int) int {
	i := start
	for i < len(input) {
		r, n := utf8.DecodeRune(input[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' {
			if i+n < len(input) {
				if r2, _ := utf8.DecodeRune(input[i+n:]); isWordRune(r2) {
					i += n
					continue
				}
			}
		}
		break
	}
	if i == start {
		_, n := utf8.DecodeRune(input[i:])
		i += n
	}
	return i
}

// lastWord is the last Latin word token of out (not a pair), or nil.
func lastWord(out analysis.TokenStream) *analysis.Token {
	if len(out) == 0 {
		return nil
	}
	if t := out[len(out)-1]; t.Type == analysis.AlphaNumeric {
		return t
	}
	return nil
}

// onlyJoiners reports whether b holds only spaces and hyphens (what may
// stand between the words of a phrase).
func onlyJoiners(b []byte) bool {
	for _, c := range string(b) {
		if c != ' ' && c != '\t' && c != '-' && c != '\u00a0' && c != '\u3000' {
			return false
		}
	}
	return true
}

func pairTerm(a, b []byte) []byte {
	t := make([]byte, 0, len(a)+1+len(b))
	t = append(t, a...)
	t = append(t, ' ')
	return append(t, b...)
}
