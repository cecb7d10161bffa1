package meeting

import (
	"slices"
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/internal/wordscan"
	"meetscan/data"
)

func TestType(t *testing.T) {
	tests := []struct {
		title string
		paras []string
		want  string
	}{
		{"机关党委召开2017年党支部书记“双述双评”集中述职评议会", nil, data.MeetingReview},
		{"", []string{"3月7日上午，公司召开2017年度民主生活会。班子成员开展批评和自我批评。"}, data.MeetingDemocraticLife},
		{"", []string{"12月18日，机关党委召开了机关党委换届选举党员大会。"}, data.MeetingCongress},
		{"", []string{"国光社区党委召开2024年第一季度党建共建联席会。"}, data.MeetingJoint},
		{"", []string{"9月10日，资源学院党委理论学习中心组开展集体学习。"}, data.MeetingStudy},
		{"", []string{"12月20日，开发区党的建设工作领导小组会议召开。"}, data.MeetingPromotion},
		{"Zhengzhou Sanmo Institute Holds the 2020 Party Building Work Promotion Meeting", nil, data.MeetingPromotion},
		{"", []string{"CPC Committee Shenjian Branch held a general meeting of all party members and carried out the election of the new branch committee."}, data.MeetingCongress},
		{"", []string{"The party branch held the 2022 Branch Democratic Life Conference."}, data.MeetingDemocraticLife},
		{"", []string{"Recently, the group held the 2023 annual Party branch Secretary review meeting on grassroots party building."}, data.MeetingReview},
		{"The Theory Learning Center of Party Group of CPG held study meeting", nil, data.MeetingStudy},
		{"", []string{"The members studied the spirit of the 20th CPC National Congress at the joint meeting."}, data.MeetingJoint},
		{"", []string{"公司举办职工运动会。"}, data.MeetingOther},
		{"", []string{"中共某某公司第一次代表大会隆重召开。会议学习了党的第二十次全国代表大会精神。"}, data.MeetingCongress},
		{"", []string{"The company held a study session on the spirit of the 20th Party Congress."}, data.MeetingStudy},
		{"", []string{"The first Party Congress of the company was held on May 5."}, data.MeetingCongress},
		// Other English phrasings of each type.
		{"", []string{"On March 3, the community convened a congress of party member representatives."}, data.MeetingCongress},
		{"", []string{"The branch held a general meeting of party members to elect a new branch committee."}, data.MeetingCongress},
		{"", []string{"The bureau held the general election of the party branch committee; 30 members voted."}, data.MeetingCongress},
		{"", []string{"The leading group of the college held a special democratic life meeting on theme education."}, data.MeetingDemocraticLife},
		{"", []string{"Each branch held an organizational life meeting and carried out democratic appraisal of party members."}, data.MeetingDemocraticLife},
		{"", []string{"The theoretical study group of the party committee held its third collective study of the year."}, data.MeetingStudy},
		{"", []string{"The theory study group of the Party Committee of the university held a study on the spirit of the 20th Party Congress."}, data.MeetingStudy},
		{"", []string{"The district held the 2023 party building work conference to deploy key tasks."}, data.MeetingPromotion},
		{"", []string{"The group held a promotion meeting on standardized branch construction."}, data.MeetingPromotion},
		{"", []string{"The two party branches held a joint meeting on co-construction and signed a co-building agreement."}, data.MeetingJoint},
		{"", []string{"The two branches signed a joint construction agreement and carried out paired co-building activities."}, data.MeetingJoint},
		// A capitalised verb starts the sentence that holds the meeting,
		// which outweighs a mention elsewhere.
		{"", []string{"Held on May 5, the democratic life meeting of the branch reviewed the year.", "Members recalled the study session of March."}, data.MeetingDemocraticLife},
		{"", []string{"Convened by the bureau, the joint meeting of the two branches signed an agreement.", "A study session followed. A study session is planned."}, data.MeetingJoint},
	}
	for _, tc := range tests {
		if got := Type(tc.title, tc.paras); got != tc.want {
			t.Errorf("Type(%q, %q) = %q, want %q", tc.title, tc.paras, got, tc.want)
		}
	}
}

func TestAttendance(t *testing.T) {
	tests := []struct {
		p    string
		want int
	}{
		{"公司党群部门负责人、团委书记、基层党员干部和群众代表共26人参加了现场测评。", 26},
		{"部分党代表、群众、党员代表共50余人参加会议。", 50},
		{"全院所有党总支和直属党支部书记共11人参加述职。", 0},
		{"辖区内外共计36家共建单位参加会议。", 0},
		{"参会人员共计一百二十人。", 120},
		{"全体党员200多名参加大会。", 200},
		{"大会应到会党员35名，实到会党员32名，符合规定人数。", 32},
		{"应到党员二十名，实到十八名。", 18},
		{"A total of 21 people, including Wang Weitao, attended the meeting.", 21},
		{"More than 40 members of the Group's Party committee attended the meeting。", 40},
		{"19 party members of the company's party branch attended the meeting.", 19},
		{"The nine party branch secretaries reported on their work.", 0},
		{"Of the 35 members, 32 party members were present at the election.", 32},
		{"The meeting was attended by 30 people.", 30},
		{"In 2023 members attended the meeting.", 0},
		// The meeting may be a forum, a ceremony or a party lecture.
		{"局机关全体党员及老党员代表共35余人参加座谈。", 35},
		{"各共建单位党组织负责人共18人出席仪式。", 18},
		{"全体党员共60人参加党课。", 60},
	}
	for _, tc := range tests {
		if got := Attendance([]string{tc.p}); got != tc.want {
			t.Errorf("Attendance(%q) = %d, want %d", tc.p, got, tc.want)
		}
	}
}

func TestOrg(t *testing.T) {
	tests := []struct {
		p    string
		want string
	}{
		{"本网讯 1月10日上午，机关及直附属单位党委在科教南楼一会议室召开述职评议会。", "机关及直附属单位党委"},
		{"按照统一部署，2月24日下午，市商务局总支组织所属基层党支部书记召开党建工作述职评议会议。", "市商务局总支"},
		{"12月20日，池州开发区党的建设工作领导小组会议召开。", "池州开发区"},
		{"2019年12月4日下午，机械与汽车工程学院于5513会议室召开全体党员大会。", "机械与汽车工程学院"},
		{"3月7日上午，公司在20楼会议室召开2017年度民主生活会。", ""},
		{"On December 30th, Zhengzhou Sanmo Institute held the 2021 Annual Party Branch Secretary Work Review Meeting.", "Zhengzhou Sanmo Institute"},
		{"On the afternoon of December 28, the company held the review meeting.", ""},
		{"the Theory Learning Center of Party Group of CPG held the 1st collective study meeting.", "CPG"},

		// A 由 phrase names the host; 组织部 is a name, not the verb 组织.
		{"10月9日，由市委组织部牵头召集的全市基层党建工作联席会议在市委党校召开。", "市委组织部"},
		{"5月8日，由临江化工集团主办的党建工作交流会举行。", "临江化工集团"},
		{"3月1日，河口县委组织部召开部务会议。", "河口县委组织部"},
		{"3月1日，河口县委组织部组织召开组工干部培训会。", "河口县委组织部"},
		// A meeting named after its host is held or opens: its year or
		// ordinal starts the meeting's name.
		{"4月2日下午，临江理工大学机电学院2024年党建工作会议在学院报告厅召开。", "临江理工大学机电学院"},
		{"11月8日上午，中国共产党临江化工学院第三次代表大会在学院礼堂隆重开幕。", "中国共产党临江化工学院"},
		{"2024年党建工作会议在学院报告厅召开。", ""},
		// "A与B、C等N家单位": A hosts, the 等 list are its partners.
		{"6月1日，城东街道党工委与辖区物业公司党支部、市第五中学党总支等12家单位党组织举行联建签约仪式。", "城东街道党工委"},
		{"市税务局党委、区供电公司党支部与我校后勤处党支部在我校举行结对共建仪式。", "我校后勤处党支部"},
		{"9月2日，临江市税务局党委与河口县税务局在本部会议室召开联学联建交流会。", "临江市税务局党委"},
		{"市税务局党委、区供电公司党支部与东湖小学党总支举行结对共建仪式。", "市税务局党委"},
		// Not hosts: 召开 as a noun, objects of 对…开展, people.
		{"市委教育工委副书记李明代表工委对大会的召开表示祝贺。", ""},
		{"会议要求对重点岗位、关键环节开展专项检查。", ""},
		{"要进一步明确责任分工，开展“回头看”。", ""},
		{"全体党员干部开展了志愿服务活动。", ""},
		// A rejected subject falls through to the next hold verb.
		{"会议要求对重点岗位开展专项检查。8月3日，滨江供水公司党委召开警示教育大会。", "滨江供水公司党委"},
		// No one holds a meeting: the secretary who opens the lede gives
		// the unit.
		{"4月15日下午，临江热电有限公司党委书记、董事长陈立新以“守牢安全底线”为题，为全体党员讲授专题党课。", "临江热电有限公司党委"},
		{"4月15日下午，陈立新为全体党员讲授专题党课。", ""},
		{"5月24日，市委教育工委副书记李明代表工委对大会的召开表示祝贺。", ""},

		// English: "Co., Ltd." is one name, not a clause break and a
		// sentence end.
		{"On the afternoon of May 9, the Party Committee of Donghai Shipbuilding Co., Ltd. held the 2023 review meeting.", "Party Committee of Donghai Shipbuilding Co., Ltd."},
		{"Held on May 5, the meeting of Lanshan Power Co., Ltd. heard eight reports.", ""},
		// Generic words name no one.
		{"College Party Committee Holds 2019 Party Branch Secretary Report", ""},
		{"Our college held the 2018 review meeting.", ""},
		// A title's slogan ends at a dash before the host.
		{"Unity, Joint Progress-Party Branch of Qingshan Water Plant Held Joint Meeting", "Party Branch of Qingshan Water Plant"},
		{"Jinyuan Half-shaft Party Branch Held a Democratic Life Meeting", "Jinyuan Half-shaft Party Branch"},
		// A vague subject: the meeting's name names the host.
		{"On June 3, the company held the annual review meeting of party branch secretaries of Lanshan Power Equipment Co., Ltd. in the training center.", "Lanshan Power Equipment Co., Ltd."},
		{"On June 3, the company held the annual review meeting in the training center.", ""},
		{"On June 3, the group held the annual work conference of Qinghe Logistics Group.", "Qinghe Logistics Group"},
	}
	for _, tc := range tests {
		if got := Org("", []string{tc.p}); got != tc.want {
			t.Errorf("Org(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestOrgCandidates(t *testing.T) {
	tests := []struct {
		title string
		paras []string
		want  string
	}{
		// The abstract restates the report in the other language: the
		// host is taken from the report itself.
		{"", []string{"Abstract: On May 5, the Party Committee of Lanshan Institute of Geology held a special study.", "5月5日，兰山地质研究所党委召开专题学习会。"}, "兰山地质研究所党委"},
		{"", []string{"摘要：5月5日，兰山地质研究所党委召开专题学习会。", "On May 5, the Party Committee of Lanshan Institute of Geology held a special study."}, "Party Committee of Lanshan Institute of Geology"},
		// The title counts when no paragraph names the host; titles
		// capitalise the verb.
		{"Qinghe Rural Commercial Bank Holds 2023 Democratic Life Meeting", []string{"Recently, the bank held the meeting."}, "Qinghe Rural Commercial Bank"},
		{"", []string{"Abstract: the study was held.", "会上，大家进行了交流。"}, ""},
	}
	for _, tc := range tests {
		if got := Org(tc.title, tc.paras); got != tc.want {
			t.Errorf("Org(%q, %q) = %q, want %q", tc.title, tc.paras, got, tc.want)
		}
	}
}

func FuzzMeeting(f *testing.F) {
	for _, s := range []string{"共21人参加会议", "More than 40 members attended", "公司在沪召开会议", "\xff召开\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Type(s, []string{s})
		Attendance([]string{s})
		Org(s, []string{s})
	})
}

// countCues must count like strings.Count summed over each cue's words
// (the English ones in the lower-cased text).
func TestCountCuesLikeStringsCount(t *testing.T) {
	texts := []string{
		"机关党委召开民主生活会和组织生活会，组织生活会后召开党员大会换届选举大会。",
		"the joint meeting and joint meetingjoint meeting; general meeting of all party members; democratic lifedemocratic life",
		"联学联建联学联建联学", "", "a", "述职述职述", "理论学习中心组中心组学习中心组集体学习",
		"The JOINT Meeting of Democratic Life", "Wor\u212a Meeting", "Pa\u0130ring", "\xffjoint meeting\xe2\x84",
	}
	texts = append(texts, corpustest.Lines(t, "..")...)
	for _, s := range texts {
		want := make([]int, len(cues))
		for ci, c := range cues {
			for _, w := range c.zh {
				want[ci] += strings.Count(s, w)
			}
			for _, w := range c.en {
				want[ci] += strings.Count(strings.ToLower(s), w)
			}
		}
		got := make([]int, len(cues))
		countCues(s, got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: counts %v, want %v", s, got, want)
		}
	}
}

// holds must agree with the single pattern it replaces.
func TestHoldsLikeHoldVerb(t *testing.T) {
	for _, s := range []string{
		"机关党委召开会议", "组织开展学习", "The branch held a meeting", "Holds the 2020 meeting", "household income", "withheld",
		"the meeting was organised", "organizer", "convened", "presided over", "carried out", "CARRIED OUT", "Presided", "", "old friends", "holds",
	} {
		if got, want := holds(s), holdVerb.MatchString(s); got != want {
			t.Errorf("holds(%q) = %v, holdVerb says %v", s, got, want)
		}
	}
}

func FuzzHolds(f *testing.F) {
	f.Add("The branch held a meeting")
	f.Add("召开")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := holds(s), holdVerb.MatchString(s); got != want {
			t.Errorf("holds(%q) = %v, holdVerb says %v", s, got, want)
		}
	})
}

func leadRegexp(s string) int {
	if m := zhLead.FindStringIndex(s); m != nil {
		return m[1]
	}
	return -1
}

// leadEnd must agree with zhLead on edge cases and on every clause start
// of the corpus (up to 90 bytes).
func TestLeadEndLikeZhLead(t *testing.T) {
	cases := []string{
		"", "3月12日上午，机关党委在", "123日", "1 日晚上", "12\n日", "a\n12日", "近日,", "本报讯 记者", "日前", "5号早上",
		"12日晚", "1x日", "9日下", "\xff近期", "近", "7", "2026年4月1日", "某某讯",
	}
	for _, p := range corpustest.Lines(t, "..") {
		for i := range p {
			cases = append(cases, p[i:min(len(p), i+90)])
		}
	}
	for _, s := range cases {
		if got, want := leadEnd(s), leadRegexp(s); got != want {
			t.Errorf("leadEnd(%q) = %d, zhLead %d", s, got, want)
		}
	}
}

func FuzzLeadEnd(f *testing.F) {
	f.Add("3月12日上午，机关党委在")
	f.Add("本网讯 12 号晚上")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadEnd(s), leadRegexp(s); got != want {
			t.Errorf("leadEnd(%q) = %d, zhLead %d", s, got, want)
		}
	})
}

// attendVerbs gates zhAttend and zhAttend2: neither may match a text
// without one of the verbs.
func TestAttendVerbsGate(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "共21人参加会议", "参会人员100余人", "出席会议党员32名", "200多名党员参与", "30人到会", "21人列席")
	for _, s := range cases {
		if containsAnyOf(s, attendVerbs) {
			continue
		}
		if zhAttend.MatchString(s) || zhAttend2.MatchString(s) {
			t.Errorf("attendance pattern matches %q without any of %v", s, attendVerbs)
		}
	}
}

func FuzzAttendVerbsGate(f *testing.F) {
	f.Add("共21人参加会议")
	f.Fuzz(func(t *testing.T, s string) {
		if !containsAnyOf(s, attendVerbs) && (zhAttend.MatchString(s) || zhAttend2.MatchString(s)) {
			t.Errorf("attendance pattern matches %q without any of %v", s, attendVerbs)
		}
	})
}

// numPerson gates all Chinese attendance patterns: none may match a text
// where it is false.
func TestNumPersonGate(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "共21人参加会议", "参会人员100余人", "实到会党员32名", "两 多 名", "5\t余\n人", "二十名", "５名", "余人", "多名", "x人", "\xff人", "人", "12 3人")
	for _, s := range cases {
		if !numPerson(s) && (zhAttend.MatchString(s) || zhAttend2.MatchString(s) || zhActual.MatchString(s)) {
			t.Errorf("attendance pattern matches %q but numPerson is false", s)
		}
	}
	if numPerson("姓名与个人") || !numPerson("二十名") {
		t.Error("numPerson wrong on plain cases")
	}
}

func FuzzNumPersonGate(f *testing.F) {
	f.Add("共21人参加会议")
	f.Fuzz(func(t *testing.T, s string) {
		if !numPerson(s) && (zhAttend.MatchString(s) || zhAttend2.MatchString(s) || zhActual.MatchString(s)) {
			t.Errorf("attendance pattern matches %q but numPerson is false", s)
		}
	})
}

// holds' English words must agree with holdVerbEn (ASCII case folded;
// ſ goes to the pattern).
func TestHoldWordsLikeHoldVerbEn(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "held", "withheld", "Holds", "hold_", "household", "organized.", "reorganised", "convened,", "presided", "Hold2", "1held",
		"Held on May 5", "HELD", "Convened by", "Organized", "ORGANISED")
	for _, s := range cases {
		if strings.Contains(s, "\u017f") {
			continue
		}
		lower := []byte(s)
		for i, c := range lower {
			lower[i] = wordscan.LowerASCII(c)
		}
		got := false
		for _, w := range holdWordsEn {
			got = got || hasWord(string(lower), w)
		}
		if want := holdVerbEn.MatchString(strings.ReplaceAll(string(lower), "carried out", "_")); got != want {
			t.Errorf("holdWordsEn on %q: %v, holdVerbEn %v", s, got, want)
		}
	}
}
