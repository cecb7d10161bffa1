package wordscan

import (
	"regexp"
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
)

// The test tables, each with the pattern it must agree with.
var (
	zhWords = []string{"召开", "举行", "组织", "组织生活会", "中心组", "理论学习中心组"}
	zhTable = func() *Table {
		t := New(false)
		for i, w := range zhWords {
			t.Add(Entry{Word: w, Tag: i % 3})
		}
		return t
	}()
	zhRe = regexp.MustCompile(`召开|举行|组织|组织生活会|中心组|理论学习中心组`)

	enWords = []string{"held", "hold", "convened", "carried out"}
	// held and hold whole words, convened at a word start, carried out
	// anywhere; folding, with K (Kelvin) special as (?i) folds it to k.
	enTable = New(true,
		Entry{Word: "held", BoundBefore: true, BoundAfter: true},
		Entry{Word: "hold", Tag: 1, BoundBefore: true, BoundAfter: true},
		Entry{Word: "convened", Tag: 2, BoundBefore: true},
		Entry{Word: "carried out", Tag: 3},
		Entry{Word: "\u212a", Special: true},
	)
	enRe = regexp.MustCompile(`(?i)\bheld\b|\bhold\b|\bconvened|carried out`)
)

func checkFirst(t *testing.T, s string) {
	t.Helper()
	want := -1
	if m := zhRe.FindStringIndex(s); m != nil {
		want = m[0]
	}
	if got, _, sure := zhTable.First(s); got != want || !sure {
		t.Errorf("zh First(%q) = %d (sure %v), pattern %d", s, got, sure, want)
	}
	want = -1
	if m := enRe.FindStringIndex(s); m != nil {
		want = m[0]
	}
	got, e, sure := enTable.First(s)
	if !sure {
		// K is there: the caller must ask the pattern.
		if !strings.Contains(s, "\u212a") {
			t.Errorf("en First(%q) unsure without a special rune", s)
		}
		return
	}
	if got != want {
		t.Errorf("en First(%q) = %d, pattern %d", s, got, want)
	}
	if got >= 0 && !strings.EqualFold(s[got:got+len(e.Word)], e.Word) {
		t.Errorf("en First(%q) = %d with word %q", s, got, e.Word)
	}
}

// checkCount compares Count with strings.Count summed by tag.
func checkCount(t *testing.T, s string) {
	t.Helper()
	var want [3]int
	for i, w := range zhWords {
		want[i%3] += strings.Count(s, w)
	}
	var got [3]int
	if !zhTable.Count(s, got[:]) || got != want {
		t.Errorf("Count(%q) = %v, strings.Count %v", s, got, want)
	}
}

var cases = []string{
	"", "召", "召开", "理论学习中心组组织生活会召开", "组织组织生活会", "中心组中心组中心",
	"held", "Held on May 5", "withheld", "household", "HOLD_", "hold.", "Convened", "reconvened",
	"CARRIED OUT", "carried outward", "\u212aeld", "he\u212a held", "\xe5\x8f", "召\xff开", "a\u00e9held",
}

func TestFirstLikePatterns(t *testing.T) {
	for _, s := range append(corpustest.Lines(t, "../.."), cases...) {
		checkFirst(t, s)
		checkCount(t, s)
	}
}

func FuzzFirstLikePatterns(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFirst(t, s)
		checkCount(t, s)
	})
}

func TestEachInOrder(t *testing.T) {
	var got []string
	zhTable.Each("理论学习中心组召开组织生活会", func(i int, e *Entry) bool {
		got = append(got, e.Word)
		return true
	})
	want := "理论学习中心组 中心组 召开 组织 组织生活会"
	if strings.Join(got, " ") != want {
		t.Errorf("Each found %q, want %q", got, want)
	}
}

func TestCountSpecial(t *testing.T) {
	counts := []int{0, 0, 0, 0}
	if enTable.Count("held \u212a held", counts) {
		t.Error("Count with a special rune reported sure")
	}
	if counts[0] != 0 {
		t.Errorf("Count with a special rune added %v", counts)
	}
	if !enTable.Count("Held, hold and HELD; carried out", counts) || counts[0] != 2 || counts[1] != 1 || counts[3] != 1 {
		t.Errorf("Count = %v, want [2 1 0 1]", counts)
	}
}

func TestAddRejects(t *testing.T) {
	for _, e := range []Entry{{Word: "x"}, {Word: "\x80ab"}, {Word: "abc"}, {Word: "召开", Tag: MaxTags}, {Word: "召开", Tag: -1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Add(%+v) did not panic", e)
				}
			}()
			New(false, e)
		}()
	}
	defer func() {
		if recover() == nil {
			t.Error("upper case word in a folding table did not panic")
		}
	}()
	New(true, Entry{Word: "Held"})
}

func TestWordBytes(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		re := regexp.MustCompile(`\w`).MatchString(string([]byte{b}))
		if b >= 0x80 {
			re = false
		}
		if IsWordByte(b) != re {
			t.Errorf("IsWordByte(%#x) = %v", b, !re)
		}
		if want := strings.ToLower(string([]byte{b})); b < 0x80 && string([]byte{LowerASCII(b)}) != want {
			t.Errorf("LowerASCII(%#x) = %#x", b, LowerASCII(b))
		}
		if b >= 0x80 && LowerASCII(b) != b {
			t.Errorf("LowerASCII(%#x) changed a non-ASCII byte", b)
		}
	}
}

// TestSkipDigitFree checks that no digit comes before SkipDigitFree's
// answer and that a digit is in the eight bytes after it, on random text.
func TestSkipDigitFree(t *testing.T) {
	x := uint64(88172645463325252)
	var b [40]byte
	for n := 0; n < 100000; n++ {
		for i := range b {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b[i] = byte(x)
			if x>>60 != 0 && b[i] >= '0' && b[i] <= '9' {
				b[i] = 'a' // digits rarer, so that runs without them occur
			}
		}
		s := string(b[:n%41])
		k := SkipDigitFree(s)
		for i := 0; i < k; i++ {
			if s[i] >= '0' && s[i] <= '9' {
				t.Fatalf("SkipDigitFree(%q) = %d skips a digit", s, k)
			}
		}
		if k+8 <= len(s) && !strings.ContainsAny(s[k:k+8], "0123456789") {
			t.Fatalf("SkipDigitFree(%q) = %d stops early", s, k)
		}
	}
}
