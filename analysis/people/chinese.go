package people

import (
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// followers are words that may come right after a name.
var followers = []string{
	"主持", "出席", "参加", "参会", "同志", "作", "做", "作总结", "作报告", "作讲话", "作点评", "作动员", "在", "对", "、", "，", ",", "。", "；", ";", "：", ":", "表示", "指出", "强调", "代表",
	"向", "发表", "宣读", "介绍", "和", "与", "及", "等", "到", "带领", "认为", "提出", "讲话", "致辞", "传达", "就", "围绕",
	"要求", "首先", "（", "(", "分别", "进行", "也", "还", "为", "当选", "主讲", "领学", "汇报", "逐一", "一行", "先后", "充分",
	"总结", "结合", "同", "率", "莅临", "亲自", "出", "以", "通报", "部署", "点评", "希望", "宣布", "讲授", "解读", "针对",
	"带头", "作为", "认真", "高度", "详细", "全面", "随后", "最后", "上", "）", ")", "\"", "”", "“", "的", "说", "致", "从", "围",
	"参", "曾", "发言", "谈", "列席", "应邀", "受邀", "一同", "陪同", "分析", "肯定", "简要", "重点", "深入", "对此", "听取", "主动", "首", "讲", "作了", "为大家",
	" ", "\u00a0", "\u3000", "]", "】", "/", "|",
}

// followerIndex finds the follower a string starts with; followerLong
// marks the followers of two or more characters.
var (
	followerIndex = newWordIndex(followers)
	followerLong  = func() []bool {
		long := make([]bool, len(followers))
		for i, f := range followers {
			long[i] = utf8.RuneCountInString(f) >= 2
		}
		return long
	}()
)

// singleFollower reports whether the first character of rest is on its
// own a word that follows names (作, 在, 对).
func singleFollower(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	for _, i := range followerIndex.with(r) {
		if len(followers[i]) == n {
			return true
		}
	}
	return false
}

func isFollower(rest string) bool {
	return rest == "" || followerIndex.prefixOf(rest) >= 0
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
	for _, i := range followerIndex.with(r) {
		if followerLong[i] && strings.HasPrefix(rest, followers[i]) {
			return true
		}
	}
	return false
}

// strongFollowerWord reports whether rest starts with a follower word of
// two or more characters, or with a one-character follower that never
// ends a name (等).
func strongFollowerWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	for _, i := range followerIndex.with(r) {
		if strings.HasPrefix(rest, followers[i]) && (followerLong[i] || badGiven.has(r)) {
			return true
		}
	}
	return false
}

// validZh checks the shape of a Chinese name: a surname (single or
// compound) and a one- or two-character given name without characters
// that never occur in given names.
func validZh(name string) bool {
	// Runes as []rune(name) has them (an invalid byte is one U+FFFD,
	// which is not Han), without the conversion.
	n := 0
	var first rune
	for _, r := range name {
		if !text.IsHan(r) {
			return false
		}
		if n == 0 {
			first = r
		}
		n++
	}
	if n < 2 || n > 4 {
		return false
	}
	given := name[utf8.RuneLen(first):]
	if c := compoundPrefix(name); c != "" {
		given = name[len(c):]
		if g := utf8.RuneCountInString(given); g < 1 || g > 2 {
			return false
		}
	} else if !isSurname(first) || n > 3 {
		return false
	}
	for _, r := range given {
		if badGiven.has(r) {
			return false
		}
	}
	return true
}

// nameShaped is validZh without the surname check: two or three Han
// characters, none of them impossible in a name.
func nameShaped(name string) bool {
	n := 0
	for _, r := range name {
		if !text.IsHan(r) || badGiven.has(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}

var compoundIndex = newWordIndex(zhCompound)

func compoundPrefix(s string) string {
	if i := compoundIndex.prefixOf(s); i >= 0 {
		return zhCompound[i]
	}
	return ""
}

// nameAt reads a name starting at byte i of p that is followed by a
// plausible next word. It prefers three characters (most names) and falls
// back to two.
func (b *builder) nameAt(p string, i int) string {
	rest := p[i:]
	compound := compoundPrefix(rest) != ""
	lens := plainLens
	if compound {
		lens = compoundLens
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
		if l == 3 && b.lex != nil && !compound && b.lex.Common(prefixRunes(rest, 2)) && b.count(name) < 2 && !strongFollower(rest[len(name):]) {
			continue
		}
		// "雷新作总结讲话": when the two-character name is also valid
		// and the text uses it more often on its own, the third
		// character belongs to the next word.
		if l == 3 && !compound {
			short := prefixRunes(rest, 2)
			after := rest[len(short):]
			if isFollower(after) && b.count(short) > b.count(name) {
				return short
			}
			// "王强指出", "李华作总结讲话": the two-character name runs
			// into a follower word of two or more characters, while the
			// three-character reading leaves a stray character (出)
			// or ends in a character that itself follows names (作).
			if validZh(short) && strongFollowerWord(after) && (!strongFollower(rest[len(name):]) || singleFollower(after)) {
				return short
			}
		}
		return name
	}
	return ""
}

// The name lengths nameAt tries, in order.
var (
	plainLens    = []int{3, 2}
	compoundLens = []int{4, 3, 3, 2}
)

// nameBefore reads a name ending at byte j of p (before an honorific or a
// title written after the name: 陈治亚副书记, 周宏斌同志).
func (b *builder) nameBefore(p string, j int) string {
	// "相关负责同志", "各位书记", "全体党员同志": words that stand before
	// an honorific or title in place of a name.
	if notNameBeforeIndex.suffixOf(p[:j]) >= 0 {
		return ""
	}
	for _, l := range plainLens {
		name := suffixRunes(p[:j], l)
		if utf8.RuneCountInString(name) != l || !validZh(name) {
			continue
		}
		if b.lex != nil && b.lex.Common(name) {
			continue
		}
		// The surname must start a word: in 相关负责 the "surname" 关 ends
		// the word 相关.
		s := j - len(name)
		if prev, n := utf8.DecodeLastRuneInString(p[:s]); n > 0 && text.IsHan(prev) && b.lex != nil {
			// prev and the surname, as they stand in p (both are
			// well-formed Han runes).
			_, m := utf8.DecodeRuneInString(name)
			if b.lex.Common(p[s-n : s+m]) {
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

var notNameBeforeIndex = newSuffixIndex(notNameBefore)

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
	// strings.LastIndexAny with these runes, without its search of the
	// set for every rune.
	for i := j; i > 0; {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		i -= n
		switch r {
		case '，', ',', '。', '；', ';', '：', ':', '（', '(', '）', ')', '！', '？', '!', '?', '\u00a0', ' ':
			return i + n
		}
	}
	return 0
}

// chinese reads the names of paragraph p (orig o), which b.ps has just
// scanned.
func (b *builder) chinese(p, o string) {
	b.credits(p, o)
	b.roles = findRoles(p, b.ps.roles, b.roles[:0])
	roles := b.roles
	nameEnds := b.nameEnds[:0]
	defer func() { b.nameEnds = nameEnds[:0] }()
	// Role before the name: 党委书记、董事长徐中义出席.
	for k, m := range roles {
		if p[m[0]:m[1]] == "同志" {
			continue
		}
		i := m[1]
		name := b.nameAt(p, i)
		if name == "" {
			name = b.listedName(p, i, roles[k+1:])
		}
		if name == "" {
			continue
		}
		role := zhRole(o[roleStart(p, m[0], roles[:k], nameEnds):m[1]])
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
		// 会议由魏红梅（党总支副书记）主持: the title in brackets right
		// after the name.
		if open, rs := bracketedRole(p, m); open >= 0 {
			if name := b.nameBefore(p, open); name != "" {
				s := open - len(name)
				_, known := b.index[o[s:open]]
				if known || isFollower(p[m[1]+closeLen(p[m[1]:]):]) {
					b.add(o[s:open], o[rs:m[1]])
				}
			}
			continue
		}
		if preOnlyIndex.suffixOf(p[m[0]:m[1]]) >= 0 {
			continue
		}
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
			role = zhRole(o[clauseStart(p, s):s]) + o[m[0]:m[1]]
		}
		b.add(o[s:m[0]], role)
	}
	// "会议由张武装主持": 由 + name + 主持 needs no role word.
	for _, i := range b.ps.you {
		for _, l := range plainLens {
			name := prefixRunes(p[i:], l)
			if utf8.RuneCountInString(name) == l && validZh(name) && strings.HasPrefix(p[i+len(name):], "主持") && (b.lex == nil || !b.lex.Common(name)) {
				b.add(o[i:i+len(name)], "")
				break
			}
		}
	}
	if b.ps.dun >= 2 {
		b.lists(p, o)
	}
}

// roleStart returns where the role that ends with the role word at byte
// end starts: the start of its clause, or later, after the previous
// person of a list ("校长高志远、党委副书记万春燕"). prev are the role
// spans before, names the ends of the names read after them.
func roleStart(p string, end int, prev [][2]int, names []int) int {
	cs := clauseStart(p, end)
	for _, e := range names {
		if e > cs && e <= end {
			cs = e
			if strings.HasPrefix(p[cs:], "、") {
				cs += len("、")
			}
		}
	}
	// "党委书记张为民、副书记李友生" when 张为民 could not be read: a
	// title, a surname and one to three more characters, and 、 end the
	// previous person; titles joined by 、 (党委书记、董事长) have nothing
	// between the title and 、.
	for k, r := range prev {
		if r[1] < cs {
			continue
		}
		c, e := hanRun(p, r[1], 5)
		if c < 2 || c > 4 || e >= end || !strings.HasPrefix(p[e:], "、") {
			continue
		}
		if k+1 < len(prev) && prev[k+1][0] < e {
			continue // another title in the run: 党委书记兼院长、副书记
		}
		if first, _ := utf8.DecodeRuneInString(p[r[1]:]); !isSurname(first) && compoundPrefix(p[r[1]:]) == "" {
			continue
		}
		cs = e + len("、")
	}
	return cs
}

// listedName reads a name at byte i (right after a title) that the
// lexicon took for a common word (华山, 高峰): in a list of people, the
// name is followed by 、 or a comma and then by another title and name
// of the same sentence ("…党委副书记华山、…党委书记侯建军分别发言").
// later are the role spans after the title.
func (b *builder) listedName(p string, i int, later [][2]int) string {
	for _, l := range plainLens {
		name := prefixRunes(p[i:], l)
		if utf8.RuneCountInString(name) != l || !validZh(name) {
			continue
		}
		j := i + len(name)
		switch {
		case strings.HasPrefix(p[j:], "、"), strings.HasPrefix(p[j:], "，"):
			j += len("、")
		case strings.HasPrefix(p[j:], ","):
			j++
		default:
			continue
		}
		for _, r := range later {
			if r[0] < j {
				continue
			}
			if clauseStart(p, r[0]) > j || p[r[0]:r[1]] == "同志" || b.nameAt(p, r[1]) == "" {
				return ""
			}
			return name
		}
		return ""
	}
	return ""
}

// bracketedRole reports whether the role span m stands alone in brackets
// ("（党总支副书记）"): it returns the byte of the opening bracket and
// the start of the role text, or -1, -1.
func bracketedRole(p string, m [2]int) (open, start int) {
	if closeLen(p[m[1]:]) == 0 || p[m[0]:m[1]] == "同志" {
		return -1, -1
	}
	for i, c := m[0], 0; i > 0 && c < 20; c++ {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		switch {
		case r == '（' || r == '(':
			return i - n, i
		case !text.IsHan(r) && r != '、':
			return -1, -1
		}
		i -= n
	}
	return -1, -1
}

// closeLen returns the length of the closing bracket s starts with, or 0.
func closeLen(s string) int {
	switch {
	case strings.HasPrefix(s, "）"):
		return len("）")
	case strings.HasPrefix(s, ")"):
		return 1
	}
	return 0
}

// zhRole trims what a clause holds before the title itself: a modifier
// ending in 的 (新当选的党支部书记, 今年86岁的老党员), a passive 由
// (开班式由所党委副书记) and an enumeration marker (二是党委书记…).
func zhRole(r string) string {
	// 党的 is part of titles (党的建设工作领导小组组长).
	if k := strings.LastIndex(r, "的"); k >= 0 && !strings.HasSuffix(r[:k], "党") && !strings.HasSuffix(r[:k], "黨") {
		r = r[k+len("的"):]
	}
	if k := strings.LastIndex(r, "由"); k >= 0 {
		// 自由, 理由, 缘由, 经由 are words, not the passive.
		if prev, _ := utf8.DecodeLastRuneInString(r[:k]); !strings.ContainsRune("自理缘经来因", prev) {
			r = r[k+len("由"):]
		}
	}
	if first, n := utf8.DecodeRuneInString(r); strings.ContainsRune("一二三四五六七八九十", first) && strings.HasPrefix(r[n:], "是") {
		r = r[n+len("是"):]
	}
	return r
}

func (b *builder) credits(p, o string) {
	b.creds = findCredits(p, b.ps.credits, b.creds[:0])
	for _, m := range b.creds {
		label := p[m.s:m.e]
		if utf8.RuneCountInString(label) == 1 || label == "编辑" {
			// 文/图/摄/审 are only labels right after an opening bracket,
			// a space or a slash: "(文：…)".
			if m.s > 0 {
				prev, _ := utf8.DecodeLastRuneInString(p[:m.s])
				if !strings.ContainsRune("(（[【 /\u00a0\u3000", prev) {
					continue
				}
			}
			if m.names == m.e { // no colon or space after a one-character label
				continue
			}
		}
		i := m.names
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
				// "供稿：党委组织部 刘晓雯": the writer's department may
				// come first, set off by white space.
				if i == m.names {
					if d := deptEnd(p, i); d > 0 {
						if k := skipBlank(p, d); k > d {
							i = k
							continue
						}
					}
				}
				break
			}
			b.add(o[i:j], o[m.s:m.e])
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
	if strings.Contains(p, "/") {
		for _, m := range findSlashCredits(p) {
			name := p[m[0]:m[1]]
			if validZh(name) && (b.lex == nil || !b.lex.Common(name)) {
				b.add(o[m[0]:m[1]], o[m[2]:m[3]])
			}
		}
		// Label first ("文/邵文　图/万里"): the name stands alone after
		// the label, so a name that is also a word (万里, 高峰) is kept.
		for _, m := range findLabelSlash(p) {
			if validZh(p[m[0]:m[1]]) {
				b.add(o[m[0]:m[1]], o[m[2]:m[3]])
			}
		}
	}
	end := len(p)
	for end > 0 && isBlank(p[:end]) {
		_, n := utf8.DecodeLastRuneInString(p[:end])
		end -= n
	}
	if !strings.HasSuffix(p[:end], ")") && !strings.HasSuffix(p[:end], "）") {
		return
	}
	if s, e := trailName(p); s >= 0 {
		name := p[s:e]
		if validZh(name) && (b.lex == nil || !b.lex.Common(name)) {
			b.add(o[s:e], "")
		}
	} else if ds, de, ns, ne := trailCredit(p[:end]); ds >= 0 && validZh(p[ns:ne]) {
		b.add(o[ns:ne], o[ds:de])
	}
}

// Blank runes: the white space between a credit's parts, full-width and
// no-break spaces included.
func isBlankRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// isBlank reports whether s ends with a blank rune.
func isBlank(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isBlankRune(r)
}

// skipBlank returns the byte after the blank runes at byte i of p.
func skipBlank(p string, i int) int {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !isBlankRune(r) {
			break
		}
		i += n
	}
	return i
}

// deptSuffixes end the names of departments and units that credits name
// before the writer (党委办公室, 组织部（人事科）, 石门街道).
var deptSuffixes = newHanSet("部室办科处局委组站所院校司厂队会心馆社台团道段行厅署中")

// deptEnd returns the end of the department name at byte i of p, or -1:
// Han characters and balanced brackets (组织部（人事科）), two to thirty
// runes, ending with a unit word or a closing bracket.
func deptEnd(p string, i int) int {
	depth, han := 0, 0
	var last rune
	j := i
scan:
	for c := 0; j < len(p) && c < 30; c++ {
		r, n := utf8.DecodeRuneInString(p[j:])
		switch {
		case r == '（' || r == '(':
			depth++
		case r == '）' || r == ')':
			if depth == 0 {
				break scan // the bracket that closes the credit
			}
			depth--
		case text.IsHan(r):
			han++
		default:
			break scan
		}
		last = r
		j += n
	}
	if depth != 0 || han < 2 || !(deptSuffixes.has(last) || last == '）' || last == ')') {
		return -1
	}
	return j
}

// labelSlashLabels are the labels written before a slash and the name.
var labelSlashLabels = append(strings.Fields("撰稿 摄影 责编 校对 作者 通讯员 记者"), slashLabels...)

// findLabelSlash returns the credits written label first ("文/邵文　图/万里")
// as {name start, name end, label start, label end}: a label standing
// alone before a slash (at the start, or after white space, a bracket or
// a separator) and a run of two to four Han characters after it.
func findLabelSlash(p string) [][4]int {
	var out [][4]int
	for from := 0; ; {
		k := strings.IndexByte(p[from:], '/')
		if k < 0 {
			return out
		}
		k += from
		from = k + 1
		ls := -1
		for _, l := range labelSlashLabels {
			if strings.HasSuffix(p[:k], l) {
				ls = k - len(l)
				break
			}
		}
		if ls < 0 {
			continue
		}
		if prev, n := utf8.DecodeLastRuneInString(p[:ls]); n > 0 && !isBlankRune(prev) && !strings.ContainsRune("(（[【|｜,，;；:：", prev) {
			continue
		}
		j := k + 1
		for j < len(p) && isPerlSpace(p[j]) {
			j++
		}
		if c, e := hanRun(p, j, 5); c >= 2 && c <= 4 {
			out = append(out, [4]int{j, e, ls, k})
			from = e
		}
	}
}

// trailCredit reads an unlabelled credit closing a paragraph, the
// writer's department and name in brackets: "（党委办公室　袁晓峰）",
// "（段党委组织部（人事科） 吕晨）". It returns the department's and the
// name's byte spans, or -1s.
func trailCredit(p string) (ds, de, ns, ne int) {
	ne = len(p) - closeLenEnd(p)
	if ne == len(p) {
		return -1, -1, -1, -1
	}
	for ne > 0 && isPerlSpace(p[ne-1]) {
		ne--
	}
	ns = ne
	c := 0
	for c < 5 && ns > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:ns])
		if !text.IsHan(r) {
			break
		}
		ns -= n
		c++
	}
	de = ns
	for de > 0 && isBlank(p[:de]) {
		_, n := utf8.DecodeLastRuneInString(p[:de])
		de -= n
	}
	if c < 2 || c > 4 || de == ns {
		return -1, -1, -1, -1
	}
	// The opening bracket of the credit: back over the department,
	// across the brackets it holds.
	depth := 1
	for i, k := de, 0; i > 0 && k < 40; k++ {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		i -= n
		switch {
		case r == '）' || r == ')':
			depth++
		case r == '（' || r == '(':
			depth--
		case !text.IsHan(r):
			return -1, -1, -1, -1
		}
		if depth == 0 {
			ds = i + n
			if deptEnd(p, ds) != de {
				return -1, -1, -1, -1
			}
			return ds, de, ns, ne
		}
	}
	return -1, -1, -1, -1
}

// closeLenEnd returns the length of the closing bracket s ends with, or 0.
func closeLenEnd(s string) int {
	switch {
	case strings.HasSuffix(s, "）"):
		return len("）")
	case strings.HasSuffix(s, ")"):
		return 1
	}
	return 0
}

// slashLabels are the alternatives of zhSlash after the slash, in the
// pattern's order: the first that matches wins (审 before 审核).
var slashLabels = []string{"文、摄", "文", "摄", "图", "审", "编辑", "审核", "供稿"}

// findSlashCredits returns the submatches of
// zhSlash.FindAllStringSubmatchIndex(p, -1) as {name start, name end,
// label start, label end}, by a scan from each slash. A match ends at the
// first label after a slash, and starts at the leftmost of the (at most
// four) Han characters that end right before the white space before the
// slash: a longer run leaves a Han character where \s*/ must follow.
func findSlashCredits(p string) [][4]int {
	var out [][4]int
	from := 0 // where the next match may start
	for {
		k := strings.IndexByte(p[from:], '/')
		if k < 0 {
			return out
		}
		k += from
		j := k + 1
		for j < len(p) && isPerlSpace(p[j]) {
			j++
		}
		label := ""
		for _, l := range slashLabels {
			if strings.HasPrefix(p[j:], l) {
				label = l
				break
			}
		}
		e := k
		for e > from && isPerlSpace(p[e-1]) {
			e--
		}
		s, c := e, 0
		for c < 4 && s > from {
			r, n := utf8.DecodeLastRuneInString(p[from:s])
			if !isHanRE(r) {
				break
			}
			s -= n
			c++
		}
		if label == "" || c < 2 {
			from = k + 1
			continue
		}
		out = append(out, [4]int{s, e, j, j + len(label)})
		from = j + len(label)
	}
}

// trailName returns the name zhTrail captures in p, or -1, -1: a
// bracket, two to four Han characters, the closing bracket and the end
// of p, with white space allowed around the name and at the end. A longer
// Han run leaves a Han character where the opening bracket must be.
func trailName(p string) (start, end int) {
	i := len(p)
	for i > 0 && isPerlSpace(p[i-1]) {
		i--
	}
	switch {
	case strings.HasSuffix(p[:i], ")"):
		i -= len(")")
	case strings.HasSuffix(p[:i], "）"):
		i -= len("）")
	default:
		return -1, -1
	}
	for i > 0 && isPerlSpace(p[i-1]) {
		i--
	}
	e, c := i, 0
	for c < 5 && i > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		if !isHanRE(r) {
			break
		}
		i -= n
		c++
	}
	if c < 2 || c > 4 {
		return -1, -1
	}
	s := i
	for i > 0 && isPerlSpace(p[i-1]) {
		i--
	}
	if !strings.HasSuffix(p[:i], "(") && !strings.HasSuffix(p[:i], "（") {
		return -1, -1
	}
	return s, e
}

// lists adds runs of three or more names separated by 、 when every item
// has the shape of a name (lists of elected committee members). chinese
// calls it for paragraphs with two 、 or more only.
func (b *builder) lists(p, o string) {
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
		// The pattern cuts the last item at three characters, which may
		// take the first of the next word: "余洁当选为委员" gives 余洁当.
		// A two-character name followed by a word of two or more
		// characters that may follow a name (当选, 同志) is the reading.
		if last := items[len(items)-1]; utf8.RuneCountInString(last) == 3 {
			short := prefixRunes(last, 2)
			at := m[1] - len(last) + len(short)
			if validZh(short) && strongFollowerWord(p[at:]) {
				items[len(items)-1] = short
			}
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

var shortTitles = []string{"书记", "副书记", "总", "校长", "院长", "主任", "部长", "局长", "董事长", "经理", "主席", "组长", "镇长", "乡长", "县长", "市长", "区长", "处长", "科长", "所长", "站长", "老师", "教授", "同志", "副校长", "副院长", "副主任", "副部长", "副局长"}

var shortTitleIndex = newWordIndex(shortTitles)

// roleWords are the titles that precede or follow a name. paraScan finds
// them with the credit labels in one pass (a regular expression with this
// many alternatives is several times slower than segmentation).
var roleWords = strings.Fields("书记 董事长 总经理 经理 主任 部长 局长 校长 院长 镇长 乡长 县长 市长 区长 省长 主席 组长 处长 科长 所长 站长 馆长 会长 秘书长 社长 行长 厂长 队长 团长 总监 总裁 总工程师 总会计师 总经济师 理事长 监事长 主管 委员 常委 调研员 巡视员 指导员 政委 教授 主任委员 同志 " +
	"董事 监事 研究员 工程师 讲师 辅导员 指挥长 总指挥 " + preOnlyRoles)

// preOnlyRoles describe a person only when written before the name
// (老党员钱某, 社区民警温某, 职工代表李某): after a name they are verbs or
// plain nouns (张某代表支部发言).
const preOnlyRoles = "党员 代表 民警 辅警 教师 医生 网格员 志愿者"

var preOnlyIndex = newSuffixIndex(strings.Fields(preOnlyRoles))

type roleSpan struct {
	s, e int
	w    string
}

// rolePrefixes may stand before a role word (常务副县长).
var rolePrefixes = []string{"常务", "专职", "执行", "第一"}

// findRoles returns the byte spans of the role words found in p (spans,
// from paraScan), each extended to a leading 副 and 常务/专职/执行/第一,
// in text order; a role inside a longer one (经理 in 总经理) is dropped.
// The spans are appended to out.
func findRoles(p string, spans []roleSpan, out [][2]int) [][2]int {
	for _, sp := range spans {
		s, e := sp.s, sp.e
		if sp.w != "同志" {
			if strings.HasSuffix(p[:s], "副") {
				s -= len("副")
			}
			for _, pre := range rolePrefixes {
				if strings.HasSuffix(p[:s], pre) {
					s -= len(pre)
					break
				}
			}
		}
		out = append(out, [2]int{s, e})
	}
	// Sort by start, longest first, then drop spans inside an earlier
	// one. The spans come in text order and only the extension moves a
	// start back, so the insertion sort has little to do.
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

// credit is a credit label p[s:e] followed by optional white space and
// colon; the names start at byte names.
type credit struct{ s, names, e int }

// findCredits returns the credits of p in text order, appended to out.
// hits are the label occurrences paraScan found, in text order. As when
// each label was searched in turn, a label is skipped when its first or
// last byte lies in an occurrence of an earlier label of the list.
func findCredits(p string, hits []creditHit, out []credit) []credit {
	// Label order, text order within a label (a stable insertion sort
	// of a few hits).
	for i := 1; i < len(hits); i++ {
		for k := i; k > 0 && hits[k].label < hits[k-1].label; k-- {
			hits[k], hits[k-1] = hits[k-1], hits[k]
		}
	}
	for _, h := range hits {
		s := h.s
		e := s + len(creditLabels[h.label])
		if creditTaken(out, s) || creditTaken(out, e-1) {
			continue
		}
		out = append(out, credit{s, afterColon(p, e), e})
	}
	// Starts are distinct (a second label at a start is skipped).
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && out[k].s < out[k-1].s; k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

// creditTaken reports whether byte i lies in one of the labels taken.
func creditTaken(taken []credit, i int) bool {
	for _, c := range taken {
		if i >= c.s && i < c.e {
			return true
		}
	}
	return false
}

// count returns how often s occurs in the whole text, cached per article.
func (b *builder) count(s string) int {
	if n, ok := b.counts[s]; ok {
		return n
	}
	if b.counts == nil {
		// Most articles never need a count: join the text on demand.
		b.full = strings.Join(b.paras, "\n")
		b.counts = map[string]int{}
	}
	n := strings.Count(b.full, s)
	b.counts[s] = n
	return n
}

// afterColon returns where the name after a credit label ending at e
// starts: past spaces, one colon (：or :) and spaces.
func afterColon(p string, e int) int {
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
	return j
}
