package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// The clause before 召开/举行: "...日上午,机关党委在图书馆报告厅召开".
	zhHold = regexp.MustCompile(`(?:组织)?(?:召开|举行|举办|开展)`)
	// Locative phrases between the host and the verb: 在沪, 于学院会议室.
	zhLoc = regexp.MustCompile(`(?:在|于).*$`)
	// Leading dates, datelines and connectives of the clause. leadEnd
	// scans for it; the pattern stays as the reference of the tests.
	zhLead = regexp.MustCompile(`^.*?(?:\d{1,2}\s*[日号](?:上午|下午|晚上|晚|早上)?|讯|近日|日前|近期|本网讯|本报讯)`)
	// Meeting bodies named after the host: 资源学院党委理论学习中心组.
	zhBody = regexp.MustCompile(`(?:理论学习中心组|中心组|(?:党的建设|党建)?(?:工作)?领导小组(?:会议)?|会议|大会)$`)
	// Organisation suffixes: "A与B" is a list of two hosts only when A ends
	// like an organisation.
	zhOrgEnd = regexp.MustCompile(`(?:党委|党总支|党支部|支部|委员会|公司|集团|局|处|院|校|所|中心|社区|街道|镇|乡|村|站|厂|部|办)$`)
	enHold   = regexp.MustCompile(`\b(?:held|holds|hold|organized|organised|convened)\b`)
	enBody   = regexp.MustCompile(`(?i)^(?:the\s+)?(?:theory learning (?:center|centre|group)|theoretical (?:study|learning) (?:center|centre|central) group|central group)\s+of\s+(?:the\s+)?(?:party (?:group|committee)\s+of\s+)?`)
)

// Org returns the organisation that held the meeting, as written: the
// subject of the first sentence that says a meeting was held. Vague
// subjects ("the company", "公司") count as unknown, since they name no
// one.
func Org(title string, paras []string) string {
	cands := make([]string, 0, 4)
	for i, p := range paras {
		if i > 4 {
			break
		}
		cands = append(cands, p)
	}
	if title != "" {
		cands = append(cands, title)
	}
	for _, p := range cands {
		if o := orgZh(p); o != "" {
			return o
		}
		if o := orgEn(p); o != "" {
			return o
		}
	}
	return ""
}

func orgZh(p string) string {
	loc := holdIndex(p)
	if loc == nil {
		return ""
	}
	before := p[:loc[0]]
	if i := strings.LastIndexAny(before, "，,。；;：:"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	if i := leadEnd(before); i >= 0 {
		before = before[i:]
	}
	before = cutLoc(before)
	// "市商务局总支组织所属基层党支部书记召开": the host organised it.
	if i := strings.Index(before, "组织"); i > 0 {
		before = before[:i]
	}
	before = cutBody(before)
	// "A、B与我校X党支部": the last conjunct is the one reporting.
	if i := strings.LastIndex(before, "与"); i >= 0 && zhOrgEnd.MatchString(before[:i]) {
		before = before[i+len("与"):]
	}
	before = strings.TrimSpace(strings.Trim(before, " \u00a0\u3000"))
	n := utf8.RuneCountInString(before)
	if n < 1 || n > 30 || vagueZh[before] || strings.ContainsAny(before, "0123456789") {
		return ""
	}
	return before
}

var vagueZh = map[string]bool{"公司": true, "会议": true, "大会": true, "我们": true, "我院": true, "我校": true, "集团": true, "学院": false}

func orgEn(p string) string {
	// A sentence's match is the paragraph's too (sentences end at
	// non-word bytes).
	if at, _, _ := enHoldTable.first(p); at < 0 {
		return ""
	}
	for _, s := range strings.Split(p, ". ") {
		at, _, _ := enHoldTable.first(s)
		if at < 0 {
			continue
		}
		before := strings.TrimSpace(s[:at])
		if i := strings.LastIndexAny(before, ",;:。"); i >= 0 {
			before = strings.TrimSpace(before[i+1:])
		}
		before = enBody.ReplaceAllString(before, "")
		before = strings.TrimPrefix(before, "The ")
		before = strings.TrimPrefix(before, "the ")
		if before == "" || before[0] < 'A' || before[0] > 'Z' || len(before) > 120 {
			return ""
		}
		// A capitalised name, not "We" or "It".
		if len(strings.Fields(before)) < 2 && len(before) < 3 {
			return ""
		}
		if strings.Contains(before, " was ") || strings.Contains(before, " were ") {
			return ""
		}
		return before
	}
	return ""
}

// enHoldTable finds where enHold matches.
var enHoldTable = func() *wordTable {
	t := newWordTable(false)
	for _, w := range []string{"held", "holds", "hold", "organized", "organised", "convened"} {
		t.add(entry{word: w, boundBefore: true, boundAfter: true})
	}
	return t
}()

// zhHoldTable holds zhHold's verbs.
var zhHoldTable = newWordTable(false, entry{word: "召开"}, entry{word: "举行"}, entry{word: "举办"}, entry{word: "开展"})

// holdIndex is zhHold.FindStringIndex(p) by plain search: the leftmost
// verb, with 组织 right before it included.
func holdIndex(p string) []int {
	v, _, _ := zhHoldTable.first(p)
	if v < 0 {
		return nil
	}
	start := v
	if strings.HasSuffix(p[:v], "组织") {
		start -= len("组织")
	}
	return []int{start, v + len("召开")}
}

// leadEnd returns the end of the zhLead match of s (which starts at 0), or
// -1. The lazy ".*?" makes the match end after the first position where
// one of the alternatives matches, so one forward walk finds it without
// the regexp's backtracking from every position.
func leadEnd(s string) int {
	for p := 0; p < len(s); {
		c := s[p]
		if c == '\n' {
			return -1 // "." stops at a newline
		}
		if c >= '0' && c <= '9' {
			// \d{1,2} greedy: two digits first, then one.
			for n := 2; n >= 1; n-- {
				if e := dayEnd(s, p, n); e >= 0 {
					return e
				}
			}
		}
		for _, w := range leadWords {
			if strings.HasPrefix(s[p:], w) {
				return p + len(w)
			}
		}
		_, size := utf8.DecodeRuneInString(s[p:])
		p += size
	}
	return -1
}

// leadWords are zhLead's plain alternatives; at one position at most one
// of them matches, so their order does not matter.
var leadWords = []string{"讯", "近日", "日前", "近期", "本网讯", "本报讯"}

// dayParts are the optional times of day after 日/号, in zhLead's order.
var dayParts = []string{"上午", "下午", "晚上", "晚", "早上"}

// dayEnd matches `\d{n}\s*[日号](?:上午|下午|晚上|晚|早上)?` at s[p:] and
// returns its end, or -1.
func dayEnd(s string, p, n int) int {
	if p+n > len(s) {
		return -1
	}
	for i := p; i < p+n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
	}
	i := p + n
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if !strings.HasPrefix(s[i:], "日") && !strings.HasPrefix(s[i:], "号") {
		return -1
	}
	i += len("日")
	for _, d := range dayParts {
		if strings.HasPrefix(s[i:], d) {
			return i + len(d)
		}
	}
	return i
}

// cutLoc is zhLoc.ReplaceAllString(s, ""): s up to the first 在 or 于 from
// which "." (no newline) runs to the end.
func cutLoc(s string) string {
	from := strings.LastIndexByte(s, '\n') + 1
	i := strings.Index(s[from:], "在")
	if j := strings.Index(s[from:], "于"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return s
	}
	return s[:from+i]
}

// bodyNames spells out every string zhBody matches.
var bodyNames = func() []string {
	out := []string{"理论学习中心组", "中心组", "会议", "大会"}
	for _, a := range []string{"", "党的建设", "党建"} {
		for _, b := range []string{"", "工作"} {
			for _, c := range []string{"", "会议"} {
				out = append(out, a+b+"领导小组"+c)
			}
		}
	}
	return out
}()

// cutBody is zhBody.ReplaceAllString(s, ""): the match anchored at the
// end that starts leftmost is the longest suffix of s that zhBody spells.
func cutBody(s string) string {
	cut := len(s)
	for _, b := range bodyNames {
		if len(s)-len(b) < cut && strings.HasSuffix(s, b) {
			cut = len(s) - len(b)
		}
	}
	return s[:cut]
}
