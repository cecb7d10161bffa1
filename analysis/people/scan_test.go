package people

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
)

// scanCases are the corpus lines and edge cases the scanners are checked
// on against the patterns and searches they replace.
func scanCases(t testing.TB, extra ...string) []string {
	return append(corpustest.Lines(t, ".."), append([]string{"", "\xff", "文", "(文：卢业美 赵心)", "程小龙/文、摄 刘晓平/审", "作者 : 丁小春",
		"张三/文李四/审", "张三李四王五/ 审核", "/文", "甲/文", "中 \t/\n编辑", "a/b/c", "\xe5/文", "(唐亚国)", "（唐亚国） ", "( 唐亚国 )\t",
		"(张三李四王五)", "(长长长长长)", "（唐）", "唐亚国)", "x(唐亚国)", "责任编辑：王五", "撰文字审稿", "通讯员通讯员", "\xe9长审"}, extra...)...)
}

func TestIsHanRE(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if isHanRE(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHanRE(%U) = %v", r, isHanRE(r))
		}
	}
}

func slashRegexp(p string) [][4]int {
	var out [][4]int
	for _, m := range zhSlash.FindAllStringSubmatchIndex(p, -1) {
		out = append(out, [4]int{m[2], m[3], m[4], m[5]})
	}
	return out
}

func checkSlash(t *testing.T, p string) {
	if got, want := findSlashCredits(p), slashRegexp(p); !slices.Equal(got, want) {
		t.Errorf("findSlashCredits(%q) = %v, zhSlash %v", p, got, want)
	}
}

// findSlashCredits must find what zhSlash finds.
func TestFindSlashLikeZhSlash(t *testing.T) {
	for _, p := range scanCases(t) {
		checkSlash(t, p)
	}
}

func FuzzFindSlash(f *testing.F) {
	f.Add("程小龙/文、摄 刘晓平/审")
	f.Add("张三/文李四五六/审核")
	f.Fuzz(checkSlash)
}

func checkTrail(t *testing.T, p string) {
	s, e := trailName(p)
	want := [2]int{-1, -1}
	if m := zhTrail.FindStringSubmatchIndex(p); m != nil {
		want = [2]int{m[2], m[3]}
	}
	if got := [2]int{s, e}; got != want {
		t.Errorf("trailName(%q) = %v, zhTrail %v", p, got, want)
	}
}

// trailName must find what zhTrail finds.
func TestTrailNameLikeZhTrail(t *testing.T) {
	for _, p := range scanCases(t) {
		checkTrail(t, p)
	}
}

func FuzzTrailName(f *testing.F) {
	f.Add("会议结束。(唐亚国)")
	f.Add("（ 张三李四 ） ")
	f.Fuzz(checkTrail)
}

// findCreditsOneByOne is findCredits as it was: one search per label.
func findCreditsOneByOne(p string) []credit {
	var out []credit
	taken := map[int]bool{}
	for _, l := range creditLabels {
		for off := 0; ; {
			k := strings.Index(p[off:], l)
			if k < 0 {
				break
			}
			s := off + k
			e := s + len(l)
			off = e
			if taken[s] || taken[e-1] {
				continue
			}
			for i := s; i < e; i++ {
				taken[i] = true
			}
			out = append(out, credit{s, afterColon(p, e), e})
		}
	}
	slices.SortStableFunc(out, func(a, b credit) int { return a.s - b.s })
	return out
}

func checkCredits(t *testing.T, p string) {
	var ps paraScan
	ps.scan(p)
	if got, want := findCredits(p, ps.credits, nil), findCreditsOneByOne(p); !slices.Equal(got, want) {
		t.Errorf("findCredits(%q) = %v, one by one %v", p, got, want)
	}
}

// findCredits must find what one search per label finds.
func TestFindCreditsLikeOneByOne(t *testing.T) {
	for _, p := range scanCases(t) {
		checkCredits(t, p)
	}
}

func FuzzFindCredits(f *testing.F) {
	f.Add("(文：卢业美 赵心) 责任编辑：王五 撰文字")
	f.Fuzz(checkCredits)
}

// paraScan must count what text.Counts, strings.Count and strings.Index
// count.
func TestParaScan(t *testing.T) {
	for _, p := range scanCases(t, "由由", "会议由张武装主持，由", "Ab", "、、") {
		checkParaScan(t, p)
	}
}

func checkParaScan(t *testing.T, p string) {
	var ps paraScan
	ps.scan(p)
	han, upper := countsRef(p)
	var you []int
	for off := 0; ; {
		k := strings.Index(p[off:], "由")
		if k < 0 {
			break
		}
		off += k + len("由")
		you = append(you, off)
	}
	if ps.han != han || ps.upper != upper || ps.dun != strings.Count(p, "、") || !slices.Equal(ps.you, you) {
		t.Errorf("scan(%q) = %v %v %d %v, want %v %v %d %v", p, ps.han, ps.upper, ps.dun, ps.you, han, upper, strings.Count(p, "、"), you)
	}
}

func countsRef(p string) (han bool, upper int) {
	h, _ := text.Counts(p)
	for i := 0; i < len(p) && upper < 2; i++ {
		if p[i] >= 'A' && p[i] <= 'Z' {
			upper++
		}
	}
	return h > 0, upper
}

func FuzzParaScan(f *testing.F) {
	f.Add("会议由张武装主持、A")
	f.Fuzz(checkParaScan)
}

// isSyllable must match what syllable matches: every string of up to three
// letters, every initial and final and near misses, and the corpus words.
func TestIsSyllableLikeRegexp(t *testing.T) {
	var words []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for c := 'a'; c <= 'z'; c++ {
			gen(prefix+string(c), n-1)
		}
	}
	gen("", 3)
	finals := strings.Fields("iang iong uang ueng ang eng ing ong ian iao uai uan van ai ei ao ou an en in un vn ia ie iu ua uo ui ue ve er a o e i u v")
	for _, in := range append(strings.Split("bpmfdtnlgkhjqxrzcsyw", ""), "", "zh", "ch", "sh", "zz", "hz") {
		for _, f := range finals {
			words = append(words, in+f, in+f+"g", "a"+in+f, in+f[1:])
		}
	}
	for _, l := range corpustest.Lines(t, "..") {
		for _, w := range strings.Fields(l) {
			words = append(words, strings.ToLower(w))
		}
	}
	words = append(words, "zhuang", "chuang", "shuang", "xiong", "zh", "ch", "sh", "Zhang", "ſhi", "\xff")
	for _, w := range words {
		if isSyllable(w) != syllable.MatchString(w) {
			t.Errorf("isSyllable(%q) = %v", w, isSyllable(w))
		}
	}
}

func checkRoleWord(t *testing.T, s string) {
	if got, want := hasRoleWord(s), enRoleWord.MatchString(s); got != want {
		t.Errorf("hasRoleWord(%q) = %v, enRoleWord %v", s, got, want)
	}
}

// hasRoleWord must match what enRoleWord matches.
func TestHasRoleWordLikeRegexp(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "Secretary", "SECRETARY of", "chairmanship", "the chair", "xchair", "_chair", "1chair", "chair1",
		"general manager", "General  Manager", "party committee", "submitted by:", "ſecretary", "xſecretary", "preſident", "Vice-President", "中chief", "chief中", "deputy\xff")
	for _, s := range cases {
		checkRoleWord(t, s)
	}
}

func FuzzHasRoleWord(f *testing.F) {
	f.Add("Party Committee member")
	f.Add("xſecretary")
	f.Fuzz(checkRoleWord)
}

func clauseStartRef(p string, j int) int {
	k := strings.LastIndexAny(p[:j], "，,。；;：:（(）)！？!?\u00a0 ")
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(p[k:])
	return k + n
}

func checkClauseStart(t *testing.T, p string) {
	for j := 0; j <= len(p); j++ {
		if got, want := clauseStart(p, j), clauseStartRef(p, j); got != want {
			t.Errorf("clauseStart(%q, %d) = %d, want %d", p, j, got, want)
		}
	}
}

// clauseStart must find what strings.LastIndexAny finds.
func TestClauseStartLikeLastIndexAny(t *testing.T) {
	for _, p := range scanCases(t, "，", "\xff，", "a,\xff", "\u00a0x", "（张三） 李四") {
		// Every end in the first 200 bytes: it only looks back.
		checkClauseStart(t, p[:min(len(p), 200)])
	}
}

func FuzzClauseStart(f *testing.F) {
	f.Add("党委书记、董事长，副总经理（兼）")
	f.Fuzz(checkClauseStart)
}

// paraScan finds a keyword only where a basic-CJK rune starts, and takes
// every occurrence of a word (strings.Index would not take overlapping
// ones).
func TestKeywordsShape(t *testing.T) {
	for _, w := range keywords.words {
		if r, _ := utf8.DecodeRuneInString(w); r < cjkFirst || r > cjkLast {
			t.Errorf("keyword %q does not start in the basic CJK block", w)
		}
		for k := 1; k < len(w); k++ {
			if strings.HasPrefix(w, w[k:]) {
				t.Errorf("keyword %q overlaps itself", w)
			}
		}
	}
}

func TestFindLabelSlash(t *testing.T) {
	tests := []struct {
		p    string
		want []string // "label:name"
	}{
		{"文/邵文　图/万里", []string{"文:邵文", "图:万里"}},
		{"文/王一帆  图/李岩", []string{"文:王一帆", "图:李岩"}},
		{"（撰稿/ 赵雪梅，审核/钱立）", []string{"撰稿:赵雪梅", "审核:钱立"}},
		{"文、摄/周星", []string{"文、摄:周星"}},
		// Not a label standing alone, no name, a name too long.
		{"程小龙/文、摄 刘晓平/审", nil},
		{"来源/新华网 本文/图 a/b", nil},
		{"文/欧阳春晓明天", nil},
		{"文/", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range findLabelSlash(tc.p) {
			got = append(got, tc.p[m[2]:m[3]]+":"+tc.p[m[0]:m[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("findLabelSlash(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestTrailCredit(t *testing.T) {
	tests := []struct {
		p, dept, name string
	}{
		{"（党委办公室　袁晓峰）", "党委办公室", "袁晓峰"},
		{"工作有序推进。（段党委组织部（人事科） 吕晨）", "段党委组织部（人事科）", "吕晨"},
		{"(团委 张三 )", "团委", "张三"},
		{"（石门街道\u00a0欧阳春晓）", "石门街道", "欧阳春晓"},
		// Not a department, no white space, no bracket, a label.
		{"（图为会议现场 刘明摄）", "", ""},
		{"（党委办公室袁晓峰）", "", ""},
		{"党委办公室 袁晓峰）", "", ""},
		{"（来源：党委办公室 袁晓峰）", "", ""},
		{"（组织部） 袁晓峰）", "", ""},
		{"）", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		ds, de, ns, ne := trailCredit(tc.p)
		var dept, name string
		if ds >= 0 {
			dept, name = tc.p[ds:de], tc.p[ns:ne]
		}
		if dept != tc.dept || name != tc.name {
			t.Errorf("trailCredit(%q) = %q, %q, want %q, %q", tc.p, dept, name, tc.dept, tc.name)
		}
	}
}

func FuzzTrailCredit(f *testing.F) {
	f.Add("（段党委组织部（人事科） 吕晨）")
	f.Add("（党委办公室　袁晓峰）")
	f.Fuzz(func(t *testing.T, p string) {
		ds, de, ns, ne := trailCredit(p)
		if ds < 0 {
			return
		}
		if !(0 < ds && ds < de && de < ns && ns < ne && ne <= len(p)) {
			t.Fatalf("trailCredit(%q) = %d %d %d %d", p, ds, de, ns, ne)
		}
		if !validUTF8Spans(p, ds, de, ns, ne) || !strings.HasSuffix(p[:ds], "(") && !strings.HasSuffix(p[:ds], "（") {
			t.Fatalf("trailCredit(%q) cuts a rune: %d %d %d %d", p, ds, de, ns, ne)
		}
	})
}

func FuzzFindLabelSlash(f *testing.F) {
	f.Add("文/邵文　图/万里")
	f.Fuzz(func(t *testing.T, p string) {
		for _, m := range findLabelSlash(p) {
			if !(0 <= m[2] && m[2] < m[3] && m[3] < m[0] && m[0] < m[1] && m[1] <= len(p)) || !validUTF8Spans(p, m[:]...) {
				t.Fatalf("findLabelSlash(%q): bad span %v", p, m)
			}
		}
	})
}

// validUTF8Spans reports whether p[offs[0]:offs[1]], p[offs[2]:offs[3]]…
// are well-formed text: the scanners cut between runes.
func validUTF8Spans(p string, offs ...int) bool {
	for i := 0; i+1 < len(offs); i += 2 {
		if !utf8.ValidString(p[offs[i]:offs[i+1]]) {
			return false
		}
	}
	return true
}

func TestZhRole(t *testing.T) {
	for in, want := range map[string]string{
		"新当选的党支部书记":    "党支部书记",
		"今年86岁的老党员":    "老党员",
		"开班式由所党委副书记":   "所党委副书记",
		"二是由党委委员、纪委书记": "党委委员、纪委书记",
		"三是院长、党委副书记":   "院长、党委副书记",
		"党的建设工作领导小组组长": "党的建设工作领导小组组长",
		"自由贸易区管委会主任":   "自由贸易区管委会主任",
		"是党委书记":        "是党委书记",
		"会议由":          "",
	} {
		if got := zhRole(in); got != want {
			t.Errorf("zhRole(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanRoleBrackets(t *testing.T) {
	for in, want := range map[string]string{
		"段党委组织部（人事科）":        "段党委组织部（人事科）",
		"党委办公室）":             "党委办公室",
		"（党总支副书记）":           "党总支副书记",
		"Secretary (acting)": "Secretary (acting)",
		"主任））":               "主任",
	} {
		if got := cleanRole(in); got != want {
			t.Errorf("cleanRole(%q) = %q, want %q", in, got, want)
		}
	}
}
