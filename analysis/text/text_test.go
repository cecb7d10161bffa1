package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSimplifyKeepsOffsets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"學院黨委召開民主生活會", "学院党委召开民主生活会"},
		{"陳志明強調，要堅持全面從嚴治黨", "陈志明强调，要坚持全面从严治党"},
		{"plain English stays", "plain English stays"},
		{"简体不变", "简体不变"},
	}
	for _, tc := range tests {
		got := Simplify(tc.in)
		if got != tc.want {
			t.Errorf("Simplify(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("Simplify(%q) changed the length %d -> %d", tc.in, len(tc.in), len(got))
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"会议强调，要加强学习。要狠抓落实！最后一句", []string{"会议强调，要加强学习。", "要狠抓落实！", "最后一句"}},
		{"He spoke. She listened.", []string{"He spoke.", "She listened."}},
		{"improvement.TwoGive full play", []string{"improvement.", "TwoGive full play"}},
		{"Shanghai Co., Ltd. held a meeting. Done", []string{"Shanghai Co., Ltd. held a meeting.", "Done"}},
		{"rate reached 3.5 percent. Next", []string{"rate reached 3.5 percent.", "Next"}},
		{"他说：“要学习。”随后散会。", []string{"他说：“要学习。”", "随后散会。"}},
		{"loyalty to the Party。要坚定政治立场。", []string{"loyalty to the Party。", "要坚定政治立场。"}},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range Sentences(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"会议由党委书记主持。", Chinese},
		{"The meeting was presided over by the secretary.", English},
		{"2024-01-04 21:12", ""},
		{"First, pay attention。要坚定政治立场,坚持不懈用习近平新时代中国特色社会主义思想凝心铸魂。", Chinese},
	}
	for _, tc := range tests {
		if got := Lang(tc.in); got != tc.want {
			t.Errorf("Lang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestArticleLang(t *testing.T) {
	zhReport := strings.Repeat("会议要求，各党支部要把学习贯彻党的二十大精神作为首要政治任务，推动党建与业务深度融合。", 6)
	enSummary := "Summary: On March 3, the Party Committee of the institute held its annual party building work meeting, reviewed the work of the past year and deployed the key tasks for this year, stressing high-quality development. Each branch was asked to study the spirit of the congress."
	enReport := strings.Repeat("The meeting stressed that each branch should integrate party building with its central work and promote high-quality development. ", 6)
	zhSummary := "中文摘要：3月3日，研究院党委召开年度党建工作会议，总结过去一年工作，部署今年重点任务，强调以高质量党建引领高质量发展。"
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"even halves", []string{"会议召开。", strings.Repeat("The meeting was held. ", 3)}, Mixed},
		{"mostly English", []string{strings.Repeat("English text here. ", 20), "要学习。"}, English},
		{"Chinese with an English summary", []string{zhReport, zhReport, enSummary}, Mixed},
		{"English with a Chinese summary", []string{enReport, enReport, zhSummary}, Mixed},
		{"Chinese with an English title line", []string{"Party Building News", zhReport, zhReport}, Chinese},
		{"Chinese term quoted in English", []string{enReport + "（" + zhSummary + "）", enReport}, English},
		{"no letters", []string{"2024-01-04", "123"}, ""},
	}
	for _, tc := range tests {
		if got := ArticleLang(tc.paras); got != tc.want {
			t.Errorf("%s: ArticleLang = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"21", 21, true}, {"２１", 21, true}, {"二十一", 21, true}, {"十二", 12, true},
		{"一百二十", 120, true}, {"三", 3, true}, {"两百", 200, true}, {"abc", 0, false}, {"", 0, false},
	}
	for _, tc := range tests {
		got, ok := Number(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"会议强调，要加强学习。", "He spoke. She listened.", "a.B", "\xff\xfe。", "Co., Ltd."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, last, s)
			}
			last = sp.End
		}
		if out := Simplify(s); len(out) != len(s) {
			t.Fatalf("Simplify changed length of %q", s)
		}
		if utf8.ValidString(s) {
			_ = Split(s, Span{0, len(s)}, "，；")
		}
		Lang(s)
		Number(s)
	})
}

// replacerSimplify is the strings.Replacer Simplify used to be, kept as the
// reference the table must agree with.
func replacerSimplify(s string) string {
	rs := []rune(pairs)
	var args []string
	for i := 0; i+1 < len(rs); i += 2 {
		t, s := rs[i], rs[i+1]
		if len(string(t)) != len(string(s)) || t == s {
			continue
		}
		args = append(args, string(t), string(s))
	}
	return strings.NewReplacer(args...).Replace(s)
}

func TestSimplifyLikeReplacer(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		b.WriteRune(r)
	}
	all := b.String()
	if got, want := Simplify(all), replacerSimplify(all); got != want {
		t.Fatal("Simplify differs from the replacer over the BMP")
	}
	for _, s := range []string{"\xe9黨\xbb", "黨\xe9\xbb", "學\xff院黨", "\xe9\xbb", "黨"[:2] + "會"} {
		if got, want := Simplify(s), replacerSimplify(s); got != want {
			t.Errorf("Simplify(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSimplifyLikeReplacer(f *testing.F) {
	f.Add("學院黨委召開民主生活會")
	f.Add("\xe9黨\xbb")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Simplify(s), replacerSimplify(s); got != want {
			t.Fatalf("Simplify(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzCounts(f *testing.F) {
	for _, s := range []string{"会议强调abc", "\xe4\xb8", "\xed\xa0\x80中", "㐀龥豈A", "\xef\xbc\x81x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var han, latin int
		for _, r := range s {
			if IsHan(r) {
				han++
			} else if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		}
		h, l := Counts(s)
		if h != han || l != latin {
			t.Fatalf("Counts(%q) = %d, %d; want %d, %d", s, h, l, han, latin)
		}
		hb, lb := HasHanLatin(s)
		if hb != (han > 0) || lb != (latin > 0) {
			t.Fatalf("HasHanLatin(%q) = %v, %v; want %v, %v", s, hb, lb, han > 0, latin > 0)
		}
	})
}
