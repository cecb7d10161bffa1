package segment

import (
	"meetscan/analysis/internal/corpustest"
	"slices"
	"strings"
	"testing"
)

// testCutter returns the shared Cutter over the embedded dictionary.
func testCutter(t testing.TB) *Cutter {
	t.Helper()
	dict, err := EmbeddedDict()
	if err != nil {
		t.Fatal(err)
	}
	c, err := SharedCutter(dict)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// gseEnds is what Ends must return: the token ends of gse's Segment.
func gseEnds(c *Cutter, s string) []int {
	var out []int
	for _, sg := range c.seg.Segment([]byte(s)) {
		out = append(out, sg.End())
	}
	return out
}

func checkEnds(t *testing.T, c *Cutter, s string) {
	t.Helper()
	if got, want := c.Ends(nil, s), gseEnds(c, s); !slices.Equal(got, want) {
		t.Errorf("Ends(%q) = %v, gse %v", s, got, want)
	}
}

func TestCutterLikeGse(t *testing.T) {
	c := testCutter(t)
	if len(c.multiUnit) == 0 {
		t.Fatal("no multi-unit words found: gse's dictionary has c++ and at&t")
	}
	cases := []string{
		"", " ", "First, it is necessary to strengthen learning.",
		"The 20th CPC National Congress, 2023-12-28; Xi's speech",
		"C++ and AT&T and c# and at & t", "Straße café naïve Ωμέγα Россия",
		"tab\there\u00a0nbsp\u3000ideographic", "emoji 😀 and ½ ² ③", "\xff\xfe broken",
		"mixed 党建 text", "全中文的段落，没有英文。", "ＦＵＬＬＷＩＤＴＨ letters",
		"e-mail u.s. x86_64 3.14 1,000", "かなカナ 한국어",
	}
	// Real text: the dev corpus when present, and the analysis fixtures.
	cases = append(cases, corpustest.Lines(t, "..")...)
	for _, s := range cases {
		checkEnds(t, c, s)
	}
}

func FuzzCutter(f *testing.F) {
	f.Add("First, it is necessary to strengthen learning.")
	f.Add("C++ at&t ä 1½")
	f.Add("党建 mixed")
	// Loading the dictionary (slow under coverage instrumentation) happens
	// here, not inside the first input, which the fuzzer would time out.
	c := testCutter(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkEnds(t, c, s)
	})
}

// BenchmarkCutter compares Ends with gse's Segment on English text.
func BenchmarkCutter(b *testing.B) {
	c := testCutter(b)
	s := strings.Repeat("First, it is necessary to integrate party building with the central work of the company and promote high-quality development. ", 8)
	b.SetBytes(int64(len(s)))
	b.Run("gse", func(b *testing.B) {
		for b.Loop() {
			c.seg.Segment([]byte(s))
		}
	})
	b.Run("cutter", func(b *testing.B) {
		var dst []int
		for b.Loop() {
			dst = c.Ends(dst[:0], s)
		}
	})
}
