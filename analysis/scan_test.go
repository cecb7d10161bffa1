package analysis

import (
	"regexp"
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
)

// scanners pairs each hand-written scanner with the regexp it replaces.
var scanners = []struct {
	name string
	scan func(string) int
	re   *regexp.Regexp
}{
	{"presideIndex", presideIndex, presideRe},
	{"speechIndex", speechIndex, speechRe},
}

func regexpIndex(re *regexp.Regexp, s string) int {
	if loc := re.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// The regexps the boolean scanners replace, kept as their specification.
var (
	navLineRe    = regexp.MustCompile(`(?i)^(?:your location|current location|您目前所在位置|当前位置|您的位置|related news|相关新闻|add\s*[:：]|tel\.?\s*[:：]|fax\s*[:：]|e-?mail\s*[:：]|上一篇|下一篇|返回|打印|关闭)`)
	pronounRe    = regexp.MustCompile(`(?:^|[，,。；;\s])(?:他|她)|\b(?:He|She|he|she)\b`)
	creditRoleRe = regexp.MustCompile(`(?i)^(?:作者|通讯员|记者|供稿|撰稿|摄影|摄像|责任编辑|编辑|审核|审稿|校对|初审|复审|终审|文字|图片|撰文|文|图|摄|审|文、摄|submitted by|written by|author|editor|reporter|correspondent|source|contributed by|photo(?:graphed)? by)$`)
)

var boolScanners = []struct {
	name string
	scan func(string) bool
	re   *regexp.Regexp
}{
	{"isNavLine", isNavLine, navLineRe},
	{"hasPronoun", hasPronoun, pronounRe},
	{"isCreditRole", isCreditRole, creditRoleRe},
}

func checkScanners(t *testing.T, s string) {
	t.Helper()
	for _, sc := range boolScanners {
		if got, want := sc.scan(s), sc.re.MatchString(s); got != want {
			t.Errorf("%s(%q) = %v, regexp %v", sc.name, s, got, want)
		}
	}
	for _, sc := range scanners {
		if got, want := sc.scan(s), regexpIndex(sc.re, s); got != want {
			t.Errorf("%s(%q) = %d, regexp %d", sc.name, s, got, want)
		}
	}
	// The pre-check must pass every text the scanners could match.
	for _, words := range [][]string{speechWords, presideWords} {
		if got, want := containsAnyFold(s, words), containsLower(s, words); got != want {
			t.Errorf("containsAnyFold(%q, %q) = %v, want %v", s, words, got, want)
		}
	}
}

func containsLower(s string, words []string) bool {
	ls := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}

// The scanners must find what their regexps find, on the corpus lines and
// fixtures and on edge cases.
func TestScannersLikeRegexps(t *testing.T) {
	cases := []string{"", "李友生主持会议", "presided over by", "PRESIDENT", "Chaired by Wang", "chairedthe", "chaired  by", "CHAIR THE", "chai", "\xe4主持", "preſided", "主", "meeting was chaired the",
		"He delivered an important speech", "MADE A SUMMARY SPEECH", "gave  a speech", "made an speech", "gave a concluding speechless", "concluding speech", "Summed Up", "summed-up", "speeſh",
		"作总结讲话", "李书记致辞", "作点评", "作", "delivered a", "made important speech", "gave an summary speech", "made a concluding  speech",
		"Tel: 010", "TEL.：1", "tel  :", "e-mail:", "Email ：x", "addr: x", "Add:", "Related newſ", "related News", "当前位置：首页", "fax",
		"他强调", "，她指出", "其他人", "He said", "she", "Shell", "the", "she_", "ſhe", "。他", "\t他", "Photographed By", "PHOTO BY", "ſource", "文、摄", "文/摄", "author "}
	cases = append(cases, corpustest.Lines(t, ".")...)
	for _, s := range cases {
		checkScanners(t, s)
	}
}

func FuzzScanners(f *testing.F) {
	f.Add("The meeting was chaired by Secretary Liu")
	f.Add("党委书记李友生主持会议")
	f.Add("Wu Qiujue made a concluding speech")
	f.Add("Tel：0571")
	f.Add("，他强调 He said")
	f.Fuzz(checkScanners)
}
