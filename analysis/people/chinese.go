package people

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

var (
	// 程小龙/文、摄 刘晓平/审
	zhSlash = regexp.MustCompile(`(\p{Han}{2,4})\s*/\s*(文、摄|文|摄|图|审|编辑|审核|供稿)`)
	// A bracketed name closing a paragraph: "(唐亚国)".
	zhTrail = regexp.MustCompile(`[（(]\s*(\p{Han}{2,4})\s*[）)]\s*$`)
	// Lists of names: "苏有良、陈兴友、张信群…".
	zhList = regexp.MustCompile(`(?:\p{Han}{2,3}、){2,}\p{Han}{2,3}`)
)

// followers are words that may come right after a name.
var followers = []string{
	"主持", "出席", "参加", "参会", "同志", "作", "做", "在", "对", "、", "，", ",", "。", "；", ";", "：", ":", "表示", "指出", "强调", "代表",
	"向", "发表", "宣读", "介绍", "和", "与", "及", "等", "到", "带领", "认为", "提出", "讲话", "致辞", "传达", "就", "围绕",
	"要求", "首先", "（", "(", "分别", "进行", "也", "还", "为", "当选", "主讲", "领学", "汇报", "逐一", "一行", "先后", "充分",
	"总结", "结合", "同", "率", "莅临", "亲自", "出", "以", "通报", "部署", "点评", "希望", "宣布", "讲授", "解读", "针对",
	"带头", "作为", "认真", "高度", "详细", "全面", "随后", "最后", "上", "）", ")", "\"", "”", "“", "的", "说", "致", "从", "围",
	"参", "列席", "应邀", "受邀", "一同", "陪同", "分析", "肯定", "简要", "重点", "深入", "对此", "听取", "主动", "首", "讲", "作了", "为大家",
	" ", "\u00a0", "\u3000", "]", "】", "/", "|",
}

func isFollower(rest string) bool {
	if rest == "" {
		return true
	}
	for _, f := range followers {
		if strings.HasPrefix(rest, f) {
			return true
		}
	}
	return false
}

// strongFollower reports whether rest starts with punctuation or a
// follower word of two or more characters (主持, 指出), which a name is far
// more likely to precede than a stray character is.
func strongFollower(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !text.IsHan(r) {
		return true
	}
	for _, f := range followers {
		if utf8.RuneCountInString(f) >= 2 && strings.HasPrefix(rest, f) {
			return true
		}
	}
	return false
}

// validZh checks the shape of a Chinese name: a surname (single or
// compound) and a one- or two-character given name without characters
// that never occur in given names.
func validZh(name string) bool {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	for _, r := range rs {
		if !text.IsHan(r) {
			return false
		}
	}
	given := rs[1:]
	if c := compoundPrefix(name); c != "" {
		given = []rune(name[len(c):])
		if len(given) < 1 || len(given) > 2 {
			return false
		}
	} else {
		if !isSurname(rs[0]) || len(rs) > 3 {
			return false
		}
	}
	for _, r := range given {
		if badGiven[r] {
			return false
		}
	}
	return true
}

// nameShaped is validZh without the surname check: two or three Han
// characters, none of them impossible in a name.
func nameShaped(name string) bool {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 3 {
		return false
	}
	for _, r := range rs {
		if !text.IsHan(r) || badGiven[r] {
			return false
		}
	}
	return true
}

func compoundPrefix(s string) string {
	for _, c := range zhCompound {
		if strings.HasPrefix(s, c) {
			return c
		}
	}
	return ""
}

// nameAt reads a name starting at byte i of p that is followed by a
// plausible next word. It prefers three characters (most names) and falls
// back to two.
func (b *builder) nameAt(p string, i int) string {
	rest := p[i:]
	lens := []int{3, 2}
	if c := compoundPrefix(rest); c != "" {
		lens = []int{4, 3, 3, 2}
	}
	for _, l := range lens {
		name := prefixRunes(rest, l)
		if utf8.RuneCountInString(name) != l || !validZh(name) {
			continue
		}
		if !isFollower(rest[len(name):]) {
			continue
		}
		if b.lex != nil && b.lex.Common(name) {
			continue
		}
		// "书记严肃指出": when the first two characters are a common
		// word, a three-character "name" seen only once is that word
		// plus the next one.
		if l == 3 && b.lex != nil && compoundPrefix(rest) == "" && b.lex.Common(prefixRunes(rest, 2)) && b.count(name) < 2 && !strongFollower(rest[len(name):]) {
			continue
		}
		// "雷新作总结讲话": when the two-character name is also valid
		// and the text uses it more often on its own, the third
		// character belongs to the next word.
		if l == 3 && compoundPrefix(rest) == "" {
			short := prefixRunes(rest, 2)
			if isFollower(rest[len(short):]) && b.count(short) > b.count(name) {
				return short
			}
		}
		return name
	}
	return ""
}

// nameBefore reads a name ending at byte j of p (before an honorific or a
// title written after the name: 陈治亚副书记, 周宏斌同志).
func (b *builder) nameBefore(p string, j int) string {
	// "相关负责同志", "各位书记", "全体党员同志": words that stand before
	// an honorific or title in place of a name.
	for _, w := range notNameBefore {
		if strings.HasSuffix(p[:j], w) {
			return ""
		}
	}
	for _, l := range []int{3, 2} {
		name := suffixRunes(p[:j], l)
		if utf8.RuneCountInString(name) != l || !validZh(name) {
			continue
		}
		if b.lex != nil && b.lex.Common(name) {
			continue
		}
		// The surname must start a word: in 相关负责 the "surname" 关 ends
		// the word 相关.
		if prev, n := utf8.DecodeLastRuneInString(p[:j-len(name)]); n > 0 && text.IsHan(prev) && b.lex != nil {
			first, _ := utf8.DecodeRuneInString(name)
			if b.lex.Common(string(prev) + string(first)) {
				continue
			}
		}
		return name
	}
	return ""
}

// notNameBefore are words often written right before 同志, 书记, 主任 …
// that are not names (and whose last characters may look like one).
var notNameBefore = strings.Fields("负责 有关 相关 各位 全体 广大 领导 主要 分管 其他 部分 在座 兄弟 青年 新任 优秀 先进 党员 干部 基层 离退休 退休 困难 年轻 驻村 帮扶 支部 两位 几位 诸位 各级")

func prefixRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

func suffixRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// clauseStart returns the start of the clause that ends at byte j: after
// the last comma, stop or bracket (but not after 、, which joins titles).
func clauseStart(p string, j int) int {
	k := strings.LastIndexAny(p[:j], "，,。；;：:（(）)！？!?\u00a0 ")
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(p[k:])
	return k + n
}

func (b *builder) chinese(p, o string) {
	b.credits(p, o)
	roles := findRoles(p)
	var nameEnds []int
	// Role before the name: 党委书记、董事长徐中义出席.
	for _, m := range roles {
		if p[m[0]:m[1]] == "同志" {
			continue
		}
		i := m[1]
		name := b.nameAt(p, i)
		if name == "" {
			continue
		}
		cs := clauseStart(p, m[0])
		// "校长高志远、党委副书记万春燕": the role starts after the
		// previous name of the list.
		for _, e := range nameEnds {
			if e > cs && e <= m[0] {
				cs = e
				if strings.HasPrefix(p[cs:], "、") {
					cs += len("、")
				}
			}
		}
		role := o[cs:m[1]]
		b.add(o[i:i+len(name)], role)
		nameEnds = append(nameEnds, i+len(name))
		// 副总经理陈广森、陈佐林: later names in the same list share the role.
		for j := i + len(name); strings.HasPrefix(p[j:], "、"); {
			j += len("、")
			next := b.nameAt(p, j)
			if next == "" {
				break
			}
			b.add(o[j:j+len(next)], role)
			j += len(next)
		}
	}
	// Name before an honorific or title: 周宏斌同志, 陈治亚副书记.
	for _, m := range roles {
		name := b.nameBefore(p, m[0])
		if name == "" {
			continue
		}
		s := m[0] - len(name)
		if _, known := b.index[o[s:m[0]]]; !known && p[m[0]:m[1]] != "同志" && !strings.HasPrefix(p[m[1]:], "同志") {
			// A title written after a name needs the name to stand
			// alone: the clause must start right before it (校党委陈治亚
			// 副书记 has an organisation, which is fine) and the title
			// must be followed by a verb or punctuation.
			if !isFollower(p[m[1]:]) {
				continue
			}
		}
		role := ""
		if t := p[m[0]:m[1]]; t != "同志" {
			role = o[clauseStart(p, s):s] + o[m[0]:m[1]]
		}
		b.add(o[s:m[0]], role)
	}
	// "会议由张武装主持": 由 + name + 主持 needs no role word.
	for off := 0; ; {
		k := strings.Index(p[off:], "由")
		if k < 0 {
			break
		}
		i := off + k + len("由")
		off = i
		for _, l := range []int{3, 2} {
			name := prefixRunes(p[i:], l)
			if utf8.RuneCountInString(name) == l && validZh(name) && strings.HasPrefix(p[i+len(name):], "主持") && (b.lex == nil || !b.lex.Common(name)) {
				b.add(o[i:i+len(name)], "")
				break
			}
		}
	}
	b.lists(p, o)
}

func (b *builder) credits(p, o string) {
	for _, m := range findCredits(p) {
		label := p[m[2]:m[3]]
		if utf8.RuneCountInString(label) == 1 || label == "编辑" {
			// 文/图/摄/审 are only labels right after an opening bracket,
			// a space or a slash: "(文：…)".
			if m[0] > 0 {
				prev, _ := utf8.DecodeLastRuneInString(p[:m[0]])
				if !strings.ContainsRune("(（[【 /\u00a0\u3000", prev) {
					continue
				}
			}
			if m[1] == m[3] { // no colon or space after a one-character label
				continue
			}
		}
		i := m[1]
		for i < len(p) {
			j := i
			for j < len(p) {
				r, n := utf8.DecodeRuneInString(p[j:])
				if !text.IsHan(r) {
					break
				}
				j += n
			}
			tok := p[i:j]
			if !validZh(tok) || (b.lex != nil && b.lex.Common(tok)) {
				break
			}
			b.add(o[i:j], o[m[2]:m[3]])
			// Names are separated by spaces or 、.
			k := j
			for k < len(p) {
				r, n := utf8.DecodeRuneInString(p[k:])
				if r != ' ' && r != '、' && r != '\u3000' && r != '\u00a0' {
					break
				}
				k += n
			}
			if k == j {
				break
			}
			i = k
		}
	}
	if !strings.Contains(p, "/") {
		goto trail
	}
	for _, m := range zhSlash.FindAllStringSubmatchIndex(p, -1) {
		name := p[m[2]:m[3]]
		if validZh(name) && (b.lex == nil || !b.lex.Common(name)) {
			b.add(o[m[2]:m[3]], o[m[4]:m[5]])
		}
	}
trail:
	if !strings.HasSuffix(p, ")") && !strings.HasSuffix(p, "）") {
		return
	}
	if m := zhTrail.FindStringSubmatchIndex(p); m != nil {
		name := p[m[2]:m[3]]
		if validZh(name) && (b.lex == nil || !b.lex.Common(name)) {
			b.add(o[m[2]:m[3]], "")
		}
	}
}

// lists adds runs of three or more names separated by 、 when every item
// has the shape of a name (lists of elected committee members).
func (b *builder) lists(p, o string) {
	if strings.Count(p, "、") < 2 {
		return
	}
	for _, m := range findLists(p) {
		start := m[0]
		items := strings.Split(p[m[0]:m[1]], "、")
		if !validZh(items[0]) || (b.lex != nil && b.lex.Common(items[0])) {
			// The first item may have swallowed the word before it
			// ("选举出苏有良" -> "出苏有良"); try without its first rune.
			_, n := utf8.DecodeRuneInString(items[0])
			items[0] = items[0][n:]
			start += n
		}
		// Every item must look like a name (rare surnames allowed) and
		// most must start with a common surname.
		good := 0
		ok := len(items) >= 3
		for _, it := range items {
			if !nameShaped(it) || (b.lex != nil && b.lex.Common(it)) {
				ok = false
				break
			}
			if validZh(it) {
				good++
			}
		}
		ok = ok && good*4 >= len(items)*3
		// The last item may run into the next word ("鞠晓英当选"): it is
		// already cut at three characters by the pattern.
		if !ok {
			continue
		}
		off := start
		for _, it := range items {
			b.add(o[off:off+len(it)], "")
			off += len(it) + len("、")
		}
	}
}

// shortRefs finds short references to known people: surname + title
// (张书记, 李总, 王校长) when exactly one known person has that surname.
func (b *builder) shortRefs(pi int, p string, covered []bool) []Mention {
	bySurname := map[string][]int{}
	for i, person := range b.people {
		if strings.Contains(person.Name, " ") {
			continue
		}
		s := compoundPrefix(person.Name)
		if s == "" {
			s = prefixRunes(person.Name, 1)
		}
		bySurname[s] = append(bySurname[s], i)
	}
	var out []Mention
	for s, ids := range bySurname {
		if len(ids) != 1 {
			continue
		}
		for off := 0; ; {
			k := strings.Index(p[off:], s)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(s)
			if covered[at] {
				continue
			}
			if hasTitlePrefix(p[at+len(s):]) {
				out = append(out, Mention{Person: ids[0], Para: pi, Start: at, End: at + len(s)})
			}
		}
	}
	return out
}

var shortTitles = []string{"书记", "副书记", "总", "校长", "院长", "主任", "部长", "局长", "董事长", "经理", "主席", "组长", "镇长", "乡长", "县长", "市长", "区长", "处长", "科长", "所长", "站长", "老师", "教授", "同志", "副校长", "副院长", "副主任", "副部长", "副局长"}

func hasTitlePrefix(s string) bool {
	for _, t := range shortTitles {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	return false
}

// roleWords are the titles that precede or follow a name. They are found
// with plain string search (a regular expression with this many
// alternatives is several times slower than segmentation).
var roleWords = strings.Fields("书记 董事长 总经理 经理 主任 部长 局长 校长 院长 镇长 乡长 县长 市长 区长 省长 主席 组长 处长 科长 所长 站长 馆长 会长 秘书长 社长 行长 厂长 队长 团长 总监 总裁 总工程师 总会计师 总经济师 理事长 监事长 主管 委员 常委 调研员 巡视员 指导员 政委 教授 主任委员 同志")

type roleSpan struct {
	s, e int
	w    string
}

// roleWordsZhang are the role words ending in 长 (half of them), found by
// one search for 长 and a suffix test, instead of one search each;
// roleWordsOther are the rest. No role word overlaps itself, so every
// occurrence of one ends at a 长 it is a suffix of.
var roleWordsZhang, roleWordsOther = splitZhang(roleWords)

func splitZhang(ws []string) (zhang, other []string) {
	for _, w := range ws {
		if strings.HasSuffix(w, "长") {
			zhang = append(zhang, w)
		} else {
			other = append(other, w)
		}
	}
	return zhang, other
}

// roleSpans returns every occurrence of a role word in p, in no
// particular order (findRoles sorts them).
func roleSpans(p string) []roleSpan {
	var out []roleSpan
	for _, w := range roleWordsOther {
		for off := 0; ; {
			k := strings.Index(p[off:], w)
			if k < 0 {
				break
			}
			out = append(out, roleSpan{off + k, off + k + len(w), w})
			off += k + len(w)
		}
	}
	for off := 0; ; {
		k := strings.Index(p[off:], "长")
		if k < 0 {
			break
		}
		e := off + k + len("长")
		for _, w := range roleWordsZhang {
			if strings.HasSuffix(p[:e], w) {
				out = append(out, roleSpan{e - len(w), e, w})
			}
		}
		off = e
	}
	return out
}

// findRoles returns the byte spans of role words in p, each extended to a
// leading 副 and 常务/专职/执行/第一, in text order; a role inside a longer
// one (经理 in 总经理) is dropped.
func findRoles(p string) [][]int {
	var out [][]int
	for _, sp := range roleSpans(p) {
		s, e := sp.s, sp.e
		if sp.w != "同志" {
			if strings.HasSuffix(p[:s], "副") {
				s -= len("副")
			}
			for _, pre := range []string{"常务", "专职", "执行", "第一"} {
				if strings.HasSuffix(p[:s], pre) {
					s -= len(pre)
					break
				}
			}
		}
		out = append(out, []int{s, e})
	}
	// Sort by start, longest first, then drop spans inside an earlier one.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j][0] < out[j-1][0] || out[j][0] == out[j-1][0] && out[j][1] > out[j-1][1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	kept := out[:0]
	end := -1
	for _, sp := range out {
		if sp[1] <= end {
			continue
		}
		if sp[0] < end { // overlapping, not contained: keep the earlier
			continue
		}
		kept = append(kept, sp)
		end = sp[1]
	}
	return kept
}

// Credit labels: 作者：丁小春 陈毅, (通讯员 周星), [作者:周星], (文：卢业美 赵心).
// Longer labels first, so 责任编辑 wins over 编辑.
var creditLabels = strings.Fields("责任编辑 通讯员 作者 记者 供稿 撰稿 摄影 摄像 编辑 审核 审稿 校对 初审 复审 终审 文字 图片 撰文 文 图 摄 审")

// findCredits returns, like a regexp submatch index, [start, end,
// labelStart, labelEnd] for each credit label followed by optional white
// space and colon; end is where the names start.
func findCredits(p string) [][]int {
	var out [][]int
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
			j := e
			for j < len(p) && (p[j] == ' ' || p[j] == '\t') {
				j++
			}
			if strings.HasPrefix(p[j:], "：") {
				j += len("：")
			} else if j < len(p) && p[j] == ':' {
				j++
			}
			for j < len(p) && (p[j] == ' ' || p[j] == '\t') {
				j++
			}
			out = append(out, []int{s, j, s, e})
		}
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k][0] < out[k-1][0]; k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// count returns how often s occurs in the whole text, cached per article.
func (b *builder) count(s string) int {
	if n, ok := b.counts[s]; ok {
		return n
	}
	n := strings.Count(b.full, s)
	b.counts[s] = n
	return n
}
