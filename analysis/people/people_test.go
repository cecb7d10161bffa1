package people

import (
	"fmt"
	"meetscan/analysis/internal/corpustest"
	"slices"
	"sort"
	"strings"
	"testing"

	"meetscan/analysis/text"
)

// fakeLex marks a few common words, standing in for the gse dictionary.
type fakeLex map[string]bool

func (f fakeLex) Common(w string) bool { return f[w] }

var lex = fakeLex{"宣传": true, "高度": true, "全体": true, "万家": true, "严肃": true, "王国": true, "相关": true, "高峰": true, "华山": true, "万里": true}

func extract(paras ...string) Result {
	folded := make([]string, len(paras))
	for i, p := range paras {
		folded[i] = text.Simplify(p)
	}
	return Extract(folded, paras, lex)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		paras []string
		want  []string // "name:role|role"
	}{
		{[]string{"公司党委书记雷新和分管领导参加了会议，党委副书记、纪委书记李友生主持会议。", "雷新在讲话中提出要求。"},
			[]string{"李友生:党委副书记、纪委书记", "雷新:公司党委书记"}},
		{[]string{"局党委书记、董事长徐中义出席会议。局工会主席、副总经理刘少林，副总经理陈广森、陈佐林参加会议。(唐亚国)"},
			[]string{"刘少林:局工会主席、副总经理", "唐亚国:", "徐中义:局党委书记、董事长", "陈佐林:副总经理", "陈广森:副总经理"}},
		{[]string{"校党委陈治亚副书记参加会议。市委组织部陈竹同志到会指导。"},
			[]string{"陈治亚:校党委副书记", "陈竹:"}},
		{[]string{"来源:机关党委 发布时间:2018年01月12日 作者:丁小春 陈毅", "（文：卢业美 赵心）", "(程小龙/文、摄 刘晓平/审)", "本报讯(通讯员曾鸣)12月20日召开会议。"},
			[]string{"丁小春:作者", "刘晓平:审", "卢业美:文", "曾鸣:通讯员", "程小龙:文、摄", "赵心:文", "陈毅:作者"}},
		{[]string{"差额选举出苏有良、陈兴友、张信群、疏剑、胡新月五名同志为新一届委员。"},
			[]string{"张信群:", "疏剑:", "胡新月:", "苏有良:", "陈兴友:"}},
		{[]string{"學院黨委書記陳志明主持會議，校紀委副書記黃麗萍到會指導。"},
			[]string{"陳志明:學院黨委書記", "黃麗萍:校紀委副書記"}},
		// Doctrine names, cited leaders, organisations and places are not people.
		{[]string{"会议由刘志强主持。"}, []string{"刘志强:"}},
		// A two-character name running into a follower word: 王强|指出, 李华|作总结.
		{[]string{"纪委书记王强指出，要加强廉洁教育。党委书记李华作总结讲话。"},
			[]string{"李华:党委书记", "王强:纪委书记"}},
		{[]string{"党委书记王国强指出，要抓落实。"}, []string{"王国强:党委书记"}},
		{[]string{"党委书记严肃指出问题。书记高兴地说好。党委书记王国强主持会议。王国强指出，要抓落实。"},
			[]string{"王国强:党委书记"}},
		{[]string{"深入学习习近平新时代中国特色社会主义思想，学习习近平总书记重要讲话和毛泽东同志的论述。", "机关党委书记、宣传部长出席。党委书记高度重视。全体党员参加。"},
			nil},
		{[]string{"On the afternoon of December 28, Comrade Gu Jian from the Organization Department of Shanghai Academy of Sciences attended. Party Committee member Wu Weihua presided over the meeting.",
			"Zhou Jinlong, member of the party committee and chairman of the company, presided.", "(Submitted by: Shang Jiali, Party and Mass Work Department)"},
			[]string{"Gu Jian:Organization Department of Shanghai Academy of Sciences", "Shang Jiali:Submitted by", "Wu Weihua:Party Committee member", "Zhou Jinlong:member of the party committee and chairman of the company"}},
		{[]string{"The meeting was chaired by Party Secretary Yao Jinzhuo. Study Xi Jinping Thought on Socialism with Chinese Characteristics. Zhengzhou Sanmo Institute and Hong Kong delegates, Wuhu City."},
			[]string{"Yao Jinzhuo:Party Secretary"}},
		{[]string{"Delegates from Ma Anshan Steel and the Xiong An New Area met Zhang Hong."}, []string{"Zhang Hong:"}},
		{[]string{"General Election held, presided over by Secretary Liu Zhijian.", "Liu stressed that members should study."},
			[]string{"Liu Zhijian:Secretary"}},
		// Honorifics and titles after words that are not names.
		{[]string{"兄弟单位相关负责同志介绍了经验，有关负责同志参加。", "各位书记、全体党员同志、广大青年同志要带头。"}, nil},
		{[]string{"相关关卫东同志介绍了经验。"}, []string{"关卫东:"}},
		{[]string{"兄弟单位相关负责同志和陈竹同志介绍了经验。"}, []string{"陈竹:"}},
		// Credits closing the article: a department before the name,
		// labelled or not, in brackets (nested ones too).
		{[]string{"会议结束。", "（党委宣传部　孙晓东）"}, []string{"孙晓东:党委宣传部"}},
		{[]string{"（校团委（学生处） 周敏）"}, []string{"周敏:校团委（学生处）"}},
		{[]string{"（供稿：党委工作部 陈立）"}, []string{"陈立:供稿"}},
		{[]string{"（学院办公室 审核）", "（图为会议现场 刘明摄）", "（宣传部 供稿）"}, nil},
		// Label, slash, name; the name may also be a word (高峰).
		{[]string{"文/高峰　图/李娜", "撰稿/ 赵雪梅 审核/钱立"}, []string{"李娜:图", "赵雪梅:撰稿", "钱立:审核", "高峰:文"}},
		{[]string{"来源/新华网", "编辑/审核 张三"}, []string{"张三:审核"}},
		// ASCII punctuation; 执行董事.
		{[]string{"公司党委书记、执行董事孟庆华出席会议并讲话,总经理戴山通报情况。", "孟庆华指出,要抓落实。"},
			[]string{"孟庆华:公司党委书记、执行董事", "戴山:总经理"}},
		// A title in brackets after the name.
		{[]string{"会议由周丽（党支部副书记）主持。", "校长彭飞(党总支书记)作报告。张三（左二）颁奖。"},
			[]string{"周丽:党支部副书记", "彭飞:校长|党总支书记"}},
		// 许 is a common surname; a name shared by two clauses.
		{[]string{"院长、党委副书记韩东，党委副书记许文斌参加会议。会议由许文斌主持。"},
			[]string{"许文斌:党委副书记", "韩东:院长、党委副书记"}},
		// Titles written only before names; a modifier before them is
		// not part of the role.
		{[]string{"今年80岁的老党员钱德福曾参加抗美援朝，社区民警温晓也作了发言，职工代表刘建国提出建议。"},
			[]string{"刘建国:职工代表", "温晓:社区民警", "钱德福:老党员"}},
		{[]string{"全体党员参加会议，党员干部要带头，党员同志们积极发言，代表单位发言。"}, nil},
		{[]string{"党委书记张三主持。张三代表支部作检视。"}, []string{"张三:党委书记"}},
		{[]string{"会议议程：一是由党委委员、纪委书记石磊作报告；二是院长杨慧讲话。", "新当选的党支部书记范丽君表示，将带好队伍。", "开班式由所党委副书记申可主持。"},
			[]string{"杨慧:院长", "申可:所党委副书记", "石磊:党委委员、纪委书记", "范丽君:党支部书记"}},
		{[]string{"党工委书记、党的建设工作领导小组组长程国清讲话。"}, []string{"程国清:党工委书记、党的建设工作领导小组组长"}},
		// The last name of a list before a word that may follow a name.
		{[]string{"李卫东、王五星、赵明、余洁当选为支部委员。", "推选张建国、李卫东、王星等同志为代表。"},
			[]string{"余洁:", "张建国:", "李卫东:", "王五星:", "王星:", "赵明:"}},
		// A person the rules cannot read ends the previous role: 张为民
		// (为 does occur in given names), 华山 (also a word).
		{[]string{"党委书记张为民、副书记李友生出席会议。"}, []string{"张为民:党委书记", "李友生:副书记"}},
		{[]string{"市中心医院党委副书记华山、区税务局党委书记侯建军分别发言。"}, []string{"侯建军:区税务局党委书记", "华山:市中心医院党委副书记"}},
		{[]string{"党委书记高度重视、副书记李明出席。"}, []string{"李明:副书记"}},
		{[]string{"Date: 2019-01-25  Contributor: Pan Lu"}, []string{"Pan Lu:Contributor"}},
		// A long English apposition is still a title.
		{[]string{"Yu Kai, Deputy Secretary of the Party Committee and Secretary of the Discipline Inspection Commission, attended."},
			[]string{"Yu Kai:Deputy Secretary of the Party Committee and Secretary of the Discipline Inspection Commission"}},
	}
	for _, tc := range tests {
		r := extract(tc.paras...)
		var got []string
		for _, p := range r.People {
			got = append(got, p.Name+":"+strings.Join(p.Roles, "|"))
		}
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Extract(%q)\n got %q\nwant %q", tc.paras, got, tc.want)
		}
	}
}

// A bilingual report names the same person in Chinese and in pinyin: one
// person, with the roles of both, and mentions of both spellings.
// A bilingual report names the same person in Chinese and in pinyin: one
// person, under the spelling of the main language, with the roles of
// both and mentions of both spellings.
func TestRomanisedMerge(t *testing.T) {
	// A Chinese report long enough to outweigh its English summary.
	zhBody := "会议强调，各级党组织要切实履行管党治党政治责任，把党建工作与中心工作同谋划、同部署、同推进、同考核，确保各项任务落到实处。"
	tests := []struct {
		paras []string
		want  []string
	}{
		{[]string{"党委书记张三主持会议。", zhBody, "Party Secretary Zhang San presided. Zhang stressed unity."},
			[]string{"张三:党委书记|Party Secretary"}},
		{[]string{"党委副书记欧阳晓明出席。", zhBody, "Deputy Secretary Ouyang Xiaoming attended."},
			[]string{"欧阳晓明:党委副书记|Deputy Secretary"}},
		// An English report with a Chinese abstract.
		{[]string{"Party Secretary Zhang San presided over the meeting. Zhang stressed that members must study the documents.", "摘要：党委书记张三主持会议。"},
			[]string{"Zhang San:Party Secretary|党委书记"}},
		// Syllables do not fit (张三 has a one-character given name).
		{[]string{"党委书记张三主持会议。", "Party Secretary Zhang Xiaoming attended."},
			[]string{"Zhang Xiaoming:Party Secretary", "张三:党委书记"}},
		// Two Chinese people fit: ambiguous, nothing merged.
		{[]string{"党委书记张三主持会议，副书记张四出席。", "Party Secretary Zhang Si attended."},
			[]string{"Zhang Si:Party Secretary", "张三:党委书记", "张四:副书记"}},
		// Other surname.
		{[]string{"党委书记张三主持会议。", "Party Secretary Wang San attended."},
			[]string{"Wang San:Party Secretary", "张三:党委书记"}},
	}
	for _, tc := range tests {
		r := extract(tc.paras...)
		var got []string
		for _, p := range r.People {
			got = append(got, p.Name+":"+strings.Join(p.Roles, "|"))
		}
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Extract(%q)\n got %q\nwant %q", tc.paras, got, tc.want)
		}
	}
	r := extract("党委书记张三主持会议。", zhBody, "Party Secretary Zhang San presided. Zhang stressed unity.")
	if len(r.Mentions) != 3 {
		t.Errorf("mentions = %+v, want 张三, Zhang San, Zhang", r.Mentions)
	}
	for _, m := range r.Mentions {
		if m.Person != 0 {
			t.Errorf("mention %+v not of 张三", m)
		}
	}
	// The English form takes the place of the first of the two spellings.
	r = extract("Party Secretary Zhang San and Deputy Secretary Li Ming attended the meeting and spoke at length about the work.", "摘要：党委书记张三讲话。")
	if len(r.People) != 2 || r.People[0].Name != "Zhang San" || r.People[1].Name != "Li Ming" {
		t.Errorf("people = %+v, want Zhang San, Li Ming", r.People)
	}
}

// Merging is deterministic, and two romanised names that fit one
// Chinese person are ambiguous unless they are one spelling.
func TestRomanisedMergeVariants(t *testing.T) {
	zhBody := "会议要求，各支部要抓好落实，推动党建工作与业务工作深度融合，再上新台阶。"
	tests := []struct {
		paras []string
		want  []string // in order
	}{
		{[]string{"党委书记张三主持会议。" + zhBody, "Secretary Zhang San presided.", "Director Zhang Shan spoke."},
			[]string{"张三:党委书记", "Zhang San:Secretary", "Zhang Shan:Director"}},
		{[]string{"党委书记熊建华主持会议。" + zhBody, "Secretary Xiong Jianhua presided.", "Chairman Xiong Jian-hua spoke."},
			[]string{"熊建华:党委书记|Secretary|Chairman"}},
		{[]string{"Secretary Xiong Jianhua presided over the meeting and spoke about the work of the year.", "Chairman Xiong Jian-hua spoke.", "摘要：党委书记熊建华讲话。"},
			[]string{"Xiong Jianhua:Secretary|Chairman|党委书记"}},
	}
	for _, tc := range tests {
		first := ""
		for range 30 {
			r := extract(tc.paras...)
			var got []string
			for _, p := range r.People {
				got = append(got, p.Name+":"+strings.Join(p.Roles, "|"))
			}
			if s := fmt.Sprint(r); first == "" {
				first = s
			} else if s != first {
				t.Fatalf("Extract(%q) differs between runs:\n%s\n%s", tc.paras, s, first)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Extract(%q)\n got %q\nwant %q", tc.paras, got, tc.want)
			}
		}
	}
}

func TestMentions(t *testing.T) {
	r := extract("集团副总经理李峰到会指导，公司党支部书记蔡明清主持会议。", "蔡书记汇报了情况。集团领导李总作总结发言。")
	var got []string
	for _, m := range r.Mentions {
		got = append(got, r.People[m.Person].Name)
	}
	want := []string{"李峰", "蔡明清", "蔡明清", "李峰"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions = %q, want %q", got, want)
	}
	// Two people named 张: 张书记 is neither.
	r = extract("党委书记张建国、副书记李友生、纪委书记张信群出席会议。", "张书记讲话。")
	for _, m := range r.Mentions {
		if m.Para == 1 {
			t.Errorf("ambiguous short reference resolved to %s", r.People[m.Person].Name)
		}
	}
	// A name in traditional characters: the short reference is found in
	// the folded text.
	r = extract("學院黨委書記陳志明主持會議。", "陳書記強調要抓落實。")
	if len(r.Mentions) != 2 || r.Mentions[1].Para != 1 || r.Mentions[1].Person != 0 {
		t.Errorf("traditional short reference not found: %+v", r.Mentions)
	}
	r = extract("Secretary Liu Zhijian presided.", "Liu stressed the point. He agreed.")
	if len(r.Mentions) != 2 || r.Mentions[1].Para != 1 {
		t.Errorf("English short reference not found: %+v", r.Mentions)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"党委书记李友生主持会议", "作者:丁小春 陈毅", "Secretary Liu Zhijian presided", "苏有良、陈兴友、张信群", "\xff书记\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Extract([]string{text.Simplify(s)}, []string{s}, lex)
		for _, m := range r.Mentions {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || m.Person >= len(r.People) {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
		}
	})
}

// findLists must find what zhList finds.
func TestFindListsLikeZhList(t *testing.T) {
	for _, p := range []string{
		"差额选举出苏有良、陈兴友、张信群、疏剑、胡新月五名同志", "张三、李四", "张三、李四、王五", "张三丰、李四、王五、", "甲乙、丙丁、戊己庚辛壬",
		"一、二、三、四", "长长的名字、李四、王五", "张三、李四、王五、赵六、", "、、、", "", "张三、\xff李四、王五、赵六",
	} {
		got, want := findLists(p), zhList.FindAllStringIndex(p, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("findLists(%q) = %v, zhList %v", p, got, want)
		}
	}
}

func FuzzFindLists(f *testing.F) {
	f.Add("苏有良、陈兴友、张信群、疏剑")
	f.Add("张三丰、李四、王五、")
	f.Fuzz(func(t *testing.T, p string) {
		got, want := findLists(p), zhList.FindAllStringIndex(p, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("findLists(%q) = %v, zhList %v", p, got, want)
		}
	})
}

func titleTailRegexp(s string) int {
	if m := enTitleTail.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

// titleTail must find what enTitleTail finds, on the windows enRole
// passes it (the 160 bytes before each word of the corpus) and on edge
// cases.
func TestTitleTailLikeRegexp(t *testing.T) {
	cases := []string{
		"", " ", "Secretary ", "Party Committee Secretary and Chairman ", "band of ", "the company's Secretary ",
		"a b c d e f g h i j k l ", "One Two Three Four Five Six Seven Eight Nine Ten ", "A ", "Co-Chairman ",
		"At the meeting, Party Secretary ", "xparty  \t", "member\nof the ", "of", "ÉSecretary ", "\xffthe ", "Ab1 Cd ",
		"secretary of the Party Committee ", "and and and and and and and and and ",
	}
	for _, p := range corpustest.Lines(t, "..") {
		for s := 1; s < len(p); s++ {
			if p[s-1] == ' ' {
				cases = append(cases, p[max(0, s-160):s])
			}
		}
	}
	for _, s := range cases {
		if got, want := titleTail(s), titleTailRegexp(s); got != want {
			t.Errorf("titleTail(%q) = %d, enTitleTail %d", s, got, want)
		}
	}
}

func FuzzTitleTail(f *testing.F) {
	f.Add("Party Committee Secretary and Chairman ")
	f.Add("band of the ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := titleTail(s), titleTailRegexp(s); got != want {
			t.Errorf("titleTail(%q) = %d, enTitleTail %d", s, got, want)
		}
	})
}

// capWords must find what capWord finds.
func TestCapWordsLikeCapWord(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "A", "Ab", "Abcdefghijklm", "Abcdefghijklmn", "Xi-Jinping", "Xi-jin", "Xi-", "Xi-J", "Xi-Jabcdefghi", "Xi-Jabcdefgh",
		"Ab-Cd-Ef", "aBc", "_Ab", "1Ab", "Ab1", "Ab_", "中Ab文", "\xffAb", "Ab\xff", "AB", "Ab-Cd_", "Ma Anshan-Steel Co.")
	for _, s := range cases {
		if got, want := capWords(s, nil), capWord.FindAllStringIndex(s, -1); !sameSpans(got, want) {
			t.Errorf("capWords(%q) = %v, capWord %v", s, got, want)
		}
	}
}

func sameSpans(got [][2]int, want [][]int) bool {
	return slices.EqualFunc(got, want, func(g [2]int, w []int) bool { return slices.Equal(g[:], w) })
}

func FuzzCapWords(f *testing.F) {
	f.Add("Secretary Liu Zhijian presided")
	f.Add("Xi-Jinping Ab-Cd-Ef")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := capWords(s, nil), capWord.FindAllStringIndex(s, -1); !sameSpans(got, want) {
			t.Errorf("capWords(%q) = %v, capWord %v", s, got, want)
		}
	})
}

// roleSpans returns the occurrences of role words paraScan finds in p.
func roleSpans(p string) []roleSpan {
	var ps paraScan
	ps.scan(p)
	return ps.roles
}

// roleSpansOneByOne finds the role words by one search per word.
func roleSpansOneByOne(p string) []roleSpan {
	var out []roleSpan
	for _, w := range roleWords {
		for off := 0; ; {
			k := strings.Index(p[off:], w)
			if k < 0 {
				break
			}
			out = append(out, roleSpan{off + k, off + k + len(w), w})
			off += k + len(w)
		}
	}
	return out
}

func sameRoleSpans(a, b []roleSpan) bool {
	cmp := func(x, y roleSpan) int {
		if x.s != y.s {
			return x.s - y.s
		}
		if x.e != y.e {
			return x.e - y.e
		}
		return strings.Compare(x.w, y.w)
	}
	slices.SortFunc(a, cmp)
	slices.SortFunc(b, cmp)
	return slices.Equal(a, b)
}

// roleSpans must find the same occurrences as one search per word.
func TestRoleSpansLikeOneByOne(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "秘书长", "副秘书长兼副县长", "长长长", "党委书记、董事长、总经理", "理事长监事长", "\xe9长", "主任委员会长")
	for _, s := range cases {
		if got, want := roleSpans(s), roleSpansOneByOne(s); !sameRoleSpans(got, want) {
			t.Errorf("roleSpans(%q) = %v, one by one %v", s, got, want)
		}
	}
}

func FuzzRoleSpans(f *testing.F) {
	f.Add("党委副书记、常务副县长、秘书长")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := roleSpans(s), roleSpansOneByOne(s); !sameRoleSpans(got, want) {
			t.Errorf("roleSpans(%q) = %v, one by one %v", s, got, want)
		}
	})
}
