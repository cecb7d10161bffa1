package gen

// Default returns a corpus of n articles over 2019-2024 with planted trends
// on taxonomy themes (data/assets/taxonomy.yaml ids) and eight recurring
// requirement families beside seven distractors:
//
//   - high_quality_development rises steadily (10% → 60%);
//   - two_studies_one_action falls and is gone by 2024;
//   - epidemic_prevention appears in 2020 and is gone by 2024;
//   - theme_education peaks in 2019, 2021 and 2023 (主题教育, 党史学习教育);
//   - party_congress_spirit is steady while its words shift from 十九大 to 二十大;
//   - sci_tech_innovation and digital_party_building rise, five_year_plan peaks in 2021;
//   - comprehensive_strict_governance and party_building_brand stay level.
//
// Languages are 70% Chinese, 25% English, 5% mixed; 30 organisations.
func Default(n int, seed int64) Config {
	return Config{
		Docs: n, FromYear: 2019, ToYear: 2024, Seed: seed,
		Lang:        LangMix{ZH: 0.70, EN: 0.25, Mixed: 0.05},
		Orgs:        30,
		Themes:      DefaultThemes(),
		Recurring:   DefaultRecurring(),
		Distractors: DefaultDistractors(),
	}
}

// Years6 is a rate map over 2019-2024.
func Years6(r2019, r2020, r2021, r2022, r2023, r2024 float64) map[int]float64 {
	return map[int]float64{2019: r2019, 2020: r2020, 2021: r2021, 2022: r2022, 2023: r2023, 2024: r2024}
}

// DefaultThemes are the planted themes of Default. Their terms are terms
// of the embedded taxonomy, so the analyser finds exactly these mentions.
func DefaultThemes() []PlantedTheme {
	return []PlantedTheme{
		{ID: "high_quality_development", TermsZH: []string{"高质量发展"}, TermsEN: []string{"high-quality development"},
			RateByYear: Years6(0.10, 0.20, 0.30, 0.40, 0.50, 0.60)},
		{ID: "two_studies_one_action", TermsZH: []string{"两学一做", "两学一做学习教育"},
			TermsEN:    []string{"two studies one action", "two learning and one doing"},
			RateByYear: Years6(0.40, 0.25, 0.10, 0.05, 0.02, 0)},
		{ID: "epidemic_prevention", TermsZH: []string{"疫情防控", "常态化疫情防控"},
			TermsEN:    []string{"epidemic prevention and control", "covid-19"},
			RateByYear: Years6(0, 0.55, 0.35, 0.40, 0.03, 0)},
		{ID: "theme_education", TermsZH: []string{"主题教育"}, TermsEN: []string{"theme education"},
			ZHByYear: map[int][]string{2019: {"不忘初心、牢记使命", "主题教育"}, 2021: {"党史学习教育"}, 2024: {"党纪学习教育"}},
			ENByYear: map[int][]string{2019: {"staying true to the original aspiration", "theme education"},
				2021: {"party history learning and education"}},
			RateByYear: Years6(0.45, 0.10, 0.50, 0.10, 0.45, 0.20)},
		{ID: "party_congress_spirit", TermsZH: []string{"二十大精神", "党的二十大精神"},
			TermsEN: []string{"spirit of the 20th party congress"},
			ZHByYear: map[int][]string{2019: {"十九大精神", "党的十九大精神"}, 2020: {"十九届五中全会精神", "十九大精神"},
				2021: {"十九届六中全会精神", "十九大精神"}, 2022: {"党的二十大"}},
			ENByYear: map[int][]string{2019: {"spirit of the 19th party congress"}, 2020: {"spirit of the 19th party congress"},
				2021: {"spirit of the 19th party congress"}, 2022: {"20th party congress"}},
			RateByYear: Years6(0.30, 0.30, 0.30, 0.30, 0.30, 0.30)},
		{ID: "sci_tech_innovation", TermsZH: []string{"科技创新", "成果转化"}, TermsEN: []string{"scientific and technological innovation"},
			ZHByYear:   map[int][]string{2024: {"科技创新", "新质生产力"}},
			RateByYear: Years6(0.15, 0.18, 0.22, 0.26, 0.30, 0.36)},
		{ID: "digital_party_building", TermsZH: []string{"智慧党建"}, TermsEN: []string{"smart party building"},
			RateByYear: Years6(0, 0.04, 0.08, 0.12, 0.18, 0.24)},
		{ID: "five_year_plan", TermsZH: []string{"十四五"}, TermsEN: []string{"14th five-year plan"},
			ZHByYear: map[int][]string{2019: {"十三五"}}, ENByYear: map[int][]string{2019: {"13th five-year plan"}},
			RateByYear: Years6(0.03, 0.20, 0.40, 0.20, 0.12, 0.12)},
		{ID: "comprehensive_strict_governance", TermsZH: []string{"全面从严治党"},
			TermsEN:    []string{"comprehensively and strictly governing the party", "strict governance over the party"},
			RateByYear: Years6(0.35, 0.35, 0.35, 0.35, 0.35, 0.35)},
		{ID: "party_building_brand", TermsZH: []string{"党建品牌"}, TermsEN: []string{"party building brand"},
			RateByYear: Years6(0.20, 0.20, 0.20, 0.20, 0.20, 0.20)},
	}
}

// DefaultRecurring are eight directives, each in three Chinese and two or
// three English wordings that share few words: grouping has to see through
// the paraphrase. Some recur in every year, some only from a given year.
func DefaultRecurring() []PlantedRequirement {
	return []PlantedRequirement{
		{ID: "secretary_duty", Rate: 0.14,
			ZH: []string{"支部书记要切实扛起抓党建的直接责任，做到亲自部署、亲自过问、亲自推动",
				"各党支部书记要把抓党建当作分内之事，履职尽责不缺位",
				"压实支部书记抓党建的直接责任，层层传导压力、逐级落实任务"},
			EN: []string{"branch secretaries must take direct charge of party building, planning, checking and pushing it forward in person",
				"every branch secretary should treat party building as part of the job and never be absent from that duty",
				"the direct responsibility of branch secretaries for party building must be tightened and passed down level by level"}},
		{ID: "study_routine", Rate: 0.12,
			ZH: []string{"要坚持每周集中学习制度，做到学习有计划、有记录、有检查",
				"把集体学习固定下来，每周安排学习时间，学习内容和心得要有据可查",
				"健全常态化学习机制，定期组织集中学习并做好学习记录"},
			EN: []string{"a weekly group study system should be kept, with a plan, a record and a check for every session",
				"regular group study must be fixed in the calendar every week, with its content and notes kept on file",
				"the routine study mechanism needs to be improved, with regular group sessions and complete study records"}},
		{ID: "vanguard_members", Rate: 0.12,
			ZH: []string{"要充分发挥党员先锋模范作用，在急难险重任务面前冲锋在前",
				"引导党员在攻坚克难中当先锋、作表率，关键时刻站得出来",
				"让每一名党员都成为一面旗帜，在重点任务中亮身份、作示范"},
			EN: []string{"party members must play a vanguard and exemplary role and rush to the front in urgent, difficult and dangerous tasks",
				"members should be guided to lead the way in tackling hard problems and to stand out at critical moments",
				"every party member needs to be a banner, showing that identity and setting an example in key tasks"}},
		{ID: "ledger_records", Rate: 0.10,
			ZH: []string{"要把党务工作台账做细做实，做到记录完整、资料齐全、归档及时",
				"党务资料要分类建档、及时归集，确保每项活动都有据可查",
				"进一步完善支部工作记录，会议纪要、活动照片和签到表同步归档"},
			EN: []string{"party affairs ledgers should be kept in good order so that records are complete, materials are full and filing is timely",
				"party work materials must be filed by category and collected in time so that every activity can be traced",
				"branch work records need further improvement, with minutes, photos and sign-in sheets archived together"}},
		{ID: "frank_criticism", RateByYear: Years6(0.05, 0.05, 0.08, 0.10, 0.14, 0.14),
			ZH: []string{"要敢于开展批评和自我批评，直面问题不遮掩、揭短亮丑不护短",
				"相互批评要动真碰硬，真正做到红红脸、出出汗",
				"认真查摆自身不足，在相互批评中讲真话、点实处"},
			EN: []string{"criticism and self-criticism must be carried out boldly, facing problems without covering them up",
				"mutual criticism should be real and pointed, so that comrades blush and sweat",
				"each member needs to examine his or her own shortcomings and speak frankly and to the point in mutual criticism"}},
		{ID: "care_staff", Rate: 0.08,
			ZH: []string{"要把关心关爱职工落到实处，帮助一线员工解决实际困难",
				"多到基层一线走访，倾听职工心声，用心办好暖心小事",
				"切实为职工排忧解难，让大家感受到组织的温暖"},
			EN: []string{"care for employees must be made concrete, helping front-line staff solve practical difficulties",
				"leaders should visit the front line more often, listen to employees and take care of the small things that warm people's hearts",
				"it is necessary to relieve the worries of staff so that everyone feels the warmth of the organization"}},
		{ID: "safety_baseline", Rate: 0.10,
			ZH: []string{"要守牢安全生产底线，把隐患排查整治做在前面",
				"绷紧安全这根弦，常态化开展隐患排查，坚决防范各类事故",
				"安全工作要警钟长鸣，落实好每一项防范措施，确保不出问题"},
			EN: []string{"the bottom line of work safety must be held firmly, with hidden dangers found and fixed in advance",
				"the string of safety should be kept tight, with routine checks for hazards to prevent accidents of every kind",
				"the alarm bell of safety needs to ring constantly, so that every precaution is carried out and nothing goes wrong"}},
		{ID: "integrity_reminders", RateByYear: Years6(0, 0, 0.06, 0.10, 0.12, 0.14),
			ZH: []string{"要经常性开展廉洁提醒谈话，把纪律挺在前面",
				"用身边事教育身边人，常敲廉洁警钟，防止小问题演变成大问题",
				"抓早抓小、防微杜渐，对苗头性倾向性问题及时咬耳扯袖"},
			EN: []string{"integrity reminder talks must be held regularly, putting discipline first",
				"cases close to home should be used to educate those around us, so that the bell of integrity keeps ringing and small problems never grow into big ones",
				"problems must be caught early while they are small, and warning signs dealt with by a timely word in the ear"}},
	}
}

// DefaultDistractors share the boilerplate of the recurring families (要,
// 进一步, 加强, strengthen, management) but each means something else.
func DefaultDistractors() []PlantedRequirement {
	d := func(id, zh, en string) PlantedRequirement {
		return PlantedRequirement{ID: id, ZH: []string{zh}, EN: []string{en}, Rate: 0.10}
	}
	return []PlantedRequirement{
		d("x_canteen", "要进一步加强食堂管理，提高饭菜质量，改善就餐环境",
			"the management of the canteen must be further strengthened to improve the food and the dining environment"),
		d("x_archives", "要加强档案数字化建设，年底前完成历史档案扫描",
			"the digitization of archives should be strengthened, with old files scanned by the end of the year"),
		d("x_vehicles", "要进一步加强公务用车管理，严格执行派车登记",
			"the management of official vehicles must be further strengthened, with every dispatch registered"),
		d("x_website", "要加强门户网站内容更新，做到信息发布准确及时",
			"the updating of the portal website needs to be strengthened so that information is released accurately and on time"),
		d("x_equipment", "要进一步加强仪器设备维护保养，延长使用寿命",
			"the maintenance of instruments and equipment should be further strengthened to extend their service life"),
		d("x_energy", "要加强节能降耗管理，做到随手关灯、节约用水",
			"energy saving must be strengthened: lights switched off and water saved"),
		d("x_heating", "要进一步加强冬季供暖保障，及时处理报修",
			"the heating service in winter should be further strengthened, with repair calls handled promptly"),
	}
}

// DefaultRange is Default over the years from-to: the planted curves of
// 2019-2024 are stretched (linearly interpolated) over the range, so any
// span shows the same rises, falls and peaks.
func DefaultRange(n int, seed int64, from, to int) Config {
	cfg := Default(n, seed)
	if from == cfg.FromYear && to == cfg.ToYear {
		return cfg
	}
	cfg.FromYear, cfg.ToYear = from, to
	for i := range cfg.Themes {
		cfg.Themes[i].RateByYear = stretch(cfg.Themes[i].RateByYear, from, to)
	}
	for i := range cfg.Recurring {
		if cfg.Recurring[i].RateByYear != nil {
			cfg.Recurring[i].RateByYear = stretch(cfg.Recurring[i].RateByYear, from, to)
		}
	}
	return cfg
}

// stretch maps a 2019-2024 rate curve onto the years from-to.
func stretch(r map[int]float64, from, to int) map[int]float64 {
	out := make(map[int]float64, to-from+1)
	for y := from; y <= to; y++ {
		pos := 0.0
		if to > from {
			pos = float64(y-from) / float64(to-from) * 5 // 0..5 over 2019..2024
		}
		lo := int(pos)
		if lo >= 5 {
			out[y] = r[2024]
			continue
		}
		frac := pos - float64(lo)
		out[y] = r[2019+lo]*(1-frac) + r[2019+lo+1]*frac
	}
	return out
}
