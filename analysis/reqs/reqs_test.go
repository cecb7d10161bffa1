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
	for _, s := range []string{"一是要学习；二是要落实。", "First, we must. Second, we should.", "One mustA.TwoB.ThreeC", "他强调，要学习；要落实。", "\xff一是\xfe二是"} {
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
