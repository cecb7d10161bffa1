package reqs

import (
	"slices"
	"strings"
	"testing"

	"meetscan/analysis/text"
)

func texts(paras []string, items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, paras[it.Para][it.Start:it.End])
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []string
	}{
		{"announced list in one paragraph",
			[]string{"雷新在讲话中提出三点意见：一是要突出思想建党，提高责任意识；二是要突出制度建党，抓好教育管理；三是要突出能力建党，发挥战斗堡垒作用。雷新强调，各基层党组织书记要切实履行职责。"},
			[]string{"一是要突出思想建党，提高责任意识", "二是要突出制度建党，抓好教育管理", "三是要突出能力建党，发挥战斗堡垒作用", "各基层党组织书记要切实履行职责"}},
		{"praise enumeration is not a requirement",
			[]string{"集团领导对会议给予肯定，并作总结发言，一是公司领导重视，准备充分；二是聚焦问题，整改措施具体，各位对提出的问题要照单全收；三是要建立长效机制，巩固会议效果；四是要励精图治，完成目标任务。"},
			[]string{"各位对提出的问题要照单全收", "三是要建立长效机制，巩固会议效果", "四是要励精图治，完成目标任务"}},
		{"results are not requirements",
			[]string{"一年来，公司党建工作取得明显成效：一是落实责任到位，二是队伍建设有力，三是品牌创建成效显著。"},
			nil},
		{"parallel clauses split, subject-led sentence kept whole",
			[]string{"他强调，要深刻认识重要性，增强使命感；要始终坚持问题导向；要牢牢把握关键动作。",
				"会议要求，各基层党组织要把政治建设摆在首位；要牢牢把责任扛在肩上；要强化党员教育。"},
			[]string{"要深刻认识重要性，增强使命感", "要始终坚持问题导向", "要牢牢把握关键动作", "各基层党组织要把政治建设摆在首位；要牢牢把责任扛在肩上；要强化党员教育"}},
		{"wish after praise starts at the wish",
			[]string{"对各村取得的成绩，该镇负责人给予了肯定，希望各村在新的一年能讲政治、强党建！"},
			[]string{"希望各村在新的一年能讲政治、强党建！"}},
		{"one item per paragraph",
			[]string{"刘建国对做好今年工作提出三点要求：", "一是提高政治站位，深入学习党的二十大精神。", "二是压实主体责任。", "三是强化基层基础。", "会议还表彰了先进。"},
			[]string{"一是提高政治站位，深入学习党的二十大精神", "二是压实主体责任", "三是强化基层基础"}},
		{"description, slogan and nouns are not directives",
			[]string{"述职评议考核是推进党建工作责任制落实的重要手段，是贯彻党要管党、从严治党方针的重要举措。会议按照有关要求进行，明确工作要求。"},
			nil},
		{"the meeting requiring, without 要 in the content",
			[]string{"会议要求，全体党员坚持问题导向，狠抓整改落实。会议明确了工作要求，部署了任务。"},
			[]string{"全体党员坚持问题导向，狠抓整改落实"}},
		{"announcement in the sentence before",
			[]string{"会议提出了三点要求。一是提高政治站位；二是压实主体责任；三是强化基层基础。"},
			[]string{"一是提高政治站位", "二是压实主体责任", "三是强化基层基础"}},
		{"we will continue to, but not a prediction",
			[]string{"This year, we will continue to standardize the procedures. It will definitely have a positive effect."},
			[]string{"This year, we will continue to standardize the procedures."}},
		{"pledges are not requirements",
			[]string{"与会人员纷纷表示，要以此次会议为契机，推动工作。董事长强调，要抓好落实。"},
			[]string{"要抓好落实"}},
		{"traditional characters",
			[]string{text.Simplify("陳志明強調，要把問題整改作為重要抓手；要持續加強班子自身建設。")},
			[]string{"要把问题整改作为重要抓手", "要持续加强班子自身建设"}},
		{"English enumeration after an announcement",
			[]string{"At the same time, she put forward new requirements: First, it is necessary to strengthen learning; second, it is necessary to integrate into the central work; third, it is necessary to implement strict governance."},
			[]string{"First, it is necessary to strengthen learning", "second, it is necessary to integrate into the central work", "third, it is necessary to implement strict governance"}},
		{"glued One/Two/Three markers",
			[]string{"He put forward requirements:One mustDeeply understand the significance. All branches should learn.TwoGive full play to the role.ThreeToStrive to be a model branch."},
			[]string{"One mustDeeply understand the significance. All branches should learn", "TwoGive full play to the role", "ThreeToStrive to be a model branch"}},
		{"English directive sentences, not praise",
			[]string{"Gu Jian pointed out that the reports all highlighted common characteristics. He also emphasized that each branch should strengthen the party building brand. We affirmed the work carried out.",
				"Secretary Liu required all party members to learn from advanced members. The important exposition is a major political requirement."},
			[]string{"He also emphasized that each branch should strengthen the party building brand.", "Secretary Liu required all party members to learn from advanced members."}},
		{"asked, encouraged, required that",
			[]string{"He asked all cadres to take the lead. She encouraged young members to study theory. The meeting required that branches hold regular sessions. The members visited the museum."},
			[]string{"He asked all cadres to take the lead.", "She encouraged young members to study theory.", "The meeting required that branches hold regular sessions."}},
		{"imperatives after an announced direction",
			[]string{"Yao commented. At the same time, it pointed out the direction of future work: focus on studying the plenary spirit. Focus on advancing standardization. The meeting ended."},
			[]string{"At the same time, it pointed out the direction of future work: focus on studying the plenary spirit.", "Focus on advancing standardization."}},
		{"mixed paragraph",
			[]string{"He put forward two requirements: First, pay close attention to party building。要坚定政治立场,坚持不懈凝心铸魂。Second, we must promote high-quality development。"},
			[]string{"First, pay close attention to party building。要坚定政治立场,坚持不懈凝心铸魂", "Second, we must promote high-quality development"}},
		{"last item of an elaborated list keeps its elaboration",
			[]string{"针对下一步工作，书记提出两点要求。一是强化理论武装，筑牢思想根基。各支部要把学习制度化。二是狠抓整改落实，确保取得实效。要建立问题清单，逐项对账销号。会议还表彰了优秀党员。"},
			[]string{"一是强化理论武装，筑牢思想根基。各支部要把学习制度化", "二是狠抓整改落实，确保取得实效。要建立问题清单，逐项对账销号"}},
		{"elaboration of the last item stops at a new lead-in",
			[]string{"首先要抓好学习，学深悟透。全体干部要原原本本读原著。其次要改进作风。要多到基层一线调研。他还强调，各单位要把好事办实。"},
			[]string{"首先要抓好学习，学深悟透。全体干部要原原本本读原著", "其次要改进作风。要多到基层一线调研", "各单位要把好事办实"}},
		{"elaboration of the last item stops at a pledge",
			[]string{"书记对党员提出要求。一是守纪律。要严守政治纪律。二是讲规矩。要严格请示报告。各支部书记纷纷表态，要把要求落到实处。"},
			[]string{"一是守纪律。要严守政治纪律", "二是讲规矩。要严格请示报告"}},
		{"elaboration of the last item stops at the closing remark",
			[]string{"书记提出两点要求。第一，压实责任。班子成员要履行一岗双责。第二，严明纪律。要把纪律挺在前面。各单位要认真传达学习此次会议精神。"},
			[]string{"第一，压实责任。班子成员要履行一岗双责", "第二，严明纪律。要把纪律挺在前面", "各单位要认真传达学习此次会议精神"}},
		{"a list of clauses ends with its sentence",
			[]string{"会议提出要求，一要加强学习；二要狠抓落实。各支部要与社区党组织结对共建。"},
			[]string{"一要加强学习", "二要狠抓落实", "各支部要与社区党组织结对共建"}},
		{"a quoted slogan or title and a commitment are not requirements, quoted speech is",
			[]string{"院长表示，行政班子将坚持“管业务必须管廉洁”，把廉政工作与业务工作同部署。医院将坚持一切工作必须以患者为中心。", "会议要求全体党员做到“四个必须”。",
				"支部组织学习了《党员必须遵守的十条规定》。各支部对即将开展的巡察工作要高度重视。",
				"书记强调：“各级党组织要提高政治站位，扛起责任。”他说，“必须”两个字要刻在心上。", "书记强调“要抓落实”。"},
			[]string{"全体党员做到“四个必须”", "各支部对即将开展的巡察工作要高度重视", "“各级党组织要提高政治站位，扛起责任。”", "“必须”两个字要刻在心上", "书记强调“要抓落实”"}},
		{"an assessment and a talk's questions are not requirements",
			[]string{"成绩值得肯定，但也要清醒地看到，当前形势依然严峻复杂。党课从为什么要抓安全、如何抓安全两个方面作了阐述。"},
			nil},
		{"a wish after its comma; 要紧紧 but not 要紧",
			[]string{text.Simplify("他希望，新一屆班子要團結協作。要緊緊抓住中心工作，服務發展大局。這件事不要緊。")},
			[]string{"新一届班子要团结协作", "要紧紧抓住中心工作，服务发展大局"}},
		{"a reporting verb opening the directive's clause",
			[]string{"书记引用了一句古语，强调各级干部必须守住底线。"},
			[]string{"各级干部必须守住底线"}},
		{"a statement of the setting is not part of the directive",
			[]string{"他指出，今年是巩固成果的关键一年，全体党员要奋勇争先。特别是青年党员，要勇挑重担。"},
			[]string{"全体党员要奋勇争先", "特别是青年党员，要勇挑重担"}},
		{"needs to be improved is an assessment, needs to act is not",
			[]string{"He pointed out that some branches still have problems, and the ability of some cadres needs to be further improved. Every branch needs to strengthen supervision."},
			[]string{"Every branch needs to strengthen supervision."}},
		{"an empty clause is no item",
			[]string{"要；；要"},
			[]string{"要", "要"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(tc.paras, Extract(tc.paras, nil))
			if !slices.Equal(got, tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"一是要学习；二是要落实。", "First, we must. Second, we should.", "One mustA.TwoB.ThreeC", "他强调，要学习；要落实。", "\xff一是\xfe二是", "要；；要",
		"一是学习。要读原著。二是落实。要对账。各单位要传达会议精神。", "他要求“必须”将必须，要"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := []string{s, s}
		for _, it := range Extract(paras, nil) {
			if it.Start < 0 || it.End > len(s) || it.Start >= it.End || it.Cue < 0 || it.Cue > len(s) {
				t.Fatalf("bad item %+v in %q", it, s)
			}
		}
	})
}

// zhSentence looks for pledge words only in text holding 表.
func TestPledgeWordsHoldBiao(t *testing.T) {
	for _, w := range pledgeWords {
		if !strings.Contains(w, "表") {
			t.Errorf("pledge word %q has no 表", w)
		}
	}
}

// checkCueFilters: putForward and enCue only pass over cues, so what they
// return is a cue, outside every quotation, and no earlier than
// zhDirective's or enDirective's, except a 要求 that putForward falls back
// on when it passes over the modal words.
func checkCueFilters(t *testing.T, s string) {
	if d := putForward(s); d >= 0 {
		r, _ := han3(s, d)
		if c := zhCueAt(s, d, r); c == noCue || d < zhDirective(s) && c != demandCue {
			t.Errorf("putForward(%q) = %d, not a cue (zhDirective %d)", s, d, zhDirective(s))
		}
		for _, q := range quoteSpans(s) {
			if q.Start < d && d < q.End {
				t.Errorf("putForward(%q) = %d, inside quotation %v", s, d, q)
			}
		}
	} else if d < -1 {
		t.Errorf("putForward(%q) = %d", s, d)
	}
	if e := enCue(s); e >= 0 && (e < enDirective(s) || !modalAt(s[e:]) || e > 0 && isWordByte(s[e-1])) {
		t.Errorf("enCue(%q) = %d, not a modal (enDirective %d)", s, e, enDirective(s))
	}
}

func TestCueFilters(t *testing.T) {
	for _, s := range []string{"", "“必须”要", "「要」要求学习", "\"要\"", "“要", "将必须，要", "公司将要求，务必", "“”“要”必须",
		"needs to be improved, must act", "need to be done; need to act", "needs to be", "Needs To Be Made"} {
		checkCueFilters(t, s)
	}
}

func FuzzCueFilters(f *testing.F) {
	f.Add("医院将坚持“管业务必须管廉洁”，要求各科室必须落实。It needs to be improved; we must act.")
	f.Fuzz(checkCueFilters)
}
