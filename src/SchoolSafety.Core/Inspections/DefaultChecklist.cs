namespace SchoolSafety.Inspections;

/// <summary>Version 1 of the county checklist: the 28 items of the county's 周检月查, with their check points.</summary>
public static class DefaultChecklist
{
    public const string Name = "周检月查安全检查表";

    /// <summary>Builds version 1 (Status = Published, PublishedAt = createdAt, CreatedAt = createdAt) with its 28 items in order.</summary>
    public static ChecklistTemplate Create(DateTime createdAt)
    {
        var template = new ChecklistTemplate
        {
            Version = 1,
            Name = Name,
            Status = TemplateStatus.Published,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            PublishedAt = createdAt,
        };

        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            template.Items.Add(new ChecklistItem
            {
                Key = $"I{i + 1:D2}",
                Number = i + 1,
                NameZh = row.NameZh,
                NameEn = row.NameEn,
                Group = row.Group,
                Frequency = row.Frequency,
                SeasonStartMonth = row.SeasonStartMonth,
                SeasonEndMonth = row.SeasonEndMonth,
                CheckPoints = [.. row.Points.Select((p, j) => new CheckPoint { Order = j + 1, TextZh = p.Zh, TextEn = p.En })],
            });
        }

        return template;
    }

    private sealed record Row(
        string NameZh,
        string NameEn,
        ItemGroup Group,
        ItemFrequency Frequency,
        (string Zh, string En)[] Points,
        int? SeasonStartMonth = null,
        int? SeasonEndMonth = null);

    private static readonly Row[] Rows =
    [
        new("安全生产", "Work safety duties", ItemGroup.Management, ItemFrequency.Monthly,
        [
            ("学校与教职工、班主任层层签订安全责任书，责任落实到人", "Safety responsibility letters are signed at every level, down to staff and class teachers, with each duty assigned to a named person"),
            ("安全管理方案制度、安全应急措施预案、日常安全管理规范、安全工作奖惩办法齐全并及时修订", "The safety management rules, emergency plans, daily safety management standards and safety reward-and-penalty rules are all in place and kept up to date"),
            ("安全工作台账完整，每周检查和隐患整改有记录、可追溯", "Safety records are complete; weekly checks and hazard rectification are recorded and traceable"),
            ("上月发现的隐患已按期整改并销号", "Hazards found last month have been rectified and closed on time"),
        ]),
        new("交通安全", "Traffic safety", ItemGroup.Traffic, ItemFrequency.Weekly,
        [
            ("校门口交通警示标志、减速带、斑马线完好清晰", "Traffic warning signs, speed bumps and the zebra crossing at the school gate are intact and clearly visible"),
            ("上下学时段有教师或护学岗在校门口疏导，学生有序进出", "At arrival and dismissal times, teachers or the school-gate duty post direct traffic and students come and go in order"),
            ("接送车辆在指定区域停放，不堵塞校门和通道", "Parents' vehicles park in the designated area and do not block the gate or the road"),
            ("已开展交通安全教育，提醒学生不乘坐无牌无证、超员车辆", "Traffic safety lessons have been given, and students are reminded never to ride in unlicensed or overloaded vehicles"),
        ]),
        new("消防安全", "Fire safety", ItemGroup.Facilities, ItemFrequency.Weekly,
        [
            ("灭火器在有效期内、压力指针在绿区，摆放位置有标识", "Fire extinguishers are within their service date, pressure gauges read in the green zone, and their locations are marked"),
            ("疏散通道、安全出口畅通，未上锁、未堆放杂物", "Escape routes and emergency exits are clear, unlocked and free of clutter"),
            ("应急照明和疏散指示标志完好有效", "Emergency lighting and exit signs are intact and working"),
            ("宿舍、教室无违规使用大功率电器和私拉乱接电线", "No prohibited high-power appliances or makeshift wiring in dormitories and classrooms"),
        ]),
        new("饮食安全", "Food safety", ItemGroup.PublicHealth, ItemFrequency.Weekly,
        [
            ("每餐每个品种食品留样不少于125克，冷藏保存48小时并有记录", "A sample of at least 125 g of every dish at every meal is kept refrigerated for 48 hours, with a log"),
            ("食堂从业人员持有效健康证上岗，每日晨检有记录", "Canteen staff hold valid health certificates, and their daily morning health checks are recorded"),
            ("食品原料索证索票、进货查验台账齐全，库房无过期变质食品", "Supplier licences and invoices for ingredients are on file, the goods-in log is complete, and the store holds no expired or spoiled food"),
            ("操作间防鼠防蝇设施完好，生熟分开，餐具清洗消毒到位", "Kitchen rodent and fly screens are intact, raw and cooked food are kept apart, and tableware is washed and disinfected"),
        ]),
        new("网络安全", "Online safety", ItemGroup.Education, ItemFrequency.Monthly,
        [
            ("开展网络安全教育，引导学生防范网络诈骗、不良信息和沉迷网络", "Online safety lessons have been given, teaching students to guard against online fraud, harmful content and internet addiction"),
            ("校园网络和计算机教室有上网内容过滤，账号密码由专人管理", "The campus network and computer rooms filter web content, and accounts and passwords are managed by a named person"),
            ("学校网站、公众号和班级群发布信息经审核，无泄露学生个人信息", "Posts on the school website, official account and class chat groups are reviewed, and no student personal data is exposed"),
        ]),
        new("防溺水", "Drowning prevention", ItemGroup.StudentProtection, ItemFrequency.Seasonal,
        [
            ("已排查学校周边危险水域，设置警示牌并报告属地政府", "Dangerous waters near the school have been surveyed, warning signs put up, and the local government informed"),
            ("开展“七不一会”防溺水专题教育，有记录", "Lessons on the \"seven don'ts and one skill\" drowning rules have been given and recorded"),
            ("《防溺水告家长书》已发放并收回签字回执，节假日前再次提醒", "The drowning-prevention letter to parents has been sent home and signed slips collected, with a further reminder before each holiday"),
            ("班主任掌握留守儿童等重点学生名单，周末和节假日去向有跟踪", "Class teachers keep a list of at-risk pupils such as left-behind children and follow up on where they are at weekends and holidays"),
        ], SeasonStartMonth: 4, SeasonEndMonth: 10),
        new("防暴恐", "Anti-violence and terror", ItemGroup.ThreeDefences, ItemFrequency.Monthly,
        [
            ("反恐防暴应急预案齐全，每学期至少组织一次防暴演练", "An anti-terror and anti-violence plan is in place, with at least one drill each term"),
            ("保安和教职工熟悉持械闯入等突发情况的处置流程和报警方式", "Guards and staff know how to respond to and report an armed intruder or a similar emergency"),
            ("与属地派出所建立警校联动机制，联系人和电话张贴在门卫室", "A school-police liaison with the local police station is in place, and the contact person and phone number are posted in the gatehouse"),
        ]),
        new("防欺凌", "Anti-bullying", ItemGroup.StudentProtection, ItemFrequency.Monthly,
        [
            ("每月开展学生欺凌排查，建立排查台账，发现问题及时处置", "Bullying is screened for every month and logged, and any case found is dealt with promptly"),
            ("设立欺凌举报电话或信箱，学生知道如何求助", "A phone line or box for reporting bullying is in place, and students know how to ask for help"),
            ("对涉事学生开展心理辅导和教育，并告知家长", "Students involved receive counselling and guidance, and their parents are informed"),
        ]),
        new("防踩踏", "Crush prevention", ItemGroup.StudentProtection, ItemFrequency.Weekly,
        [
            ("楼梯、走廊照明正常，扶手牢固，无障碍物", "Stairs and corridors are well lit, handrails are firm, and there are no obstacles"),
            ("课间、放学和集会时段有教师在楼梯口值守疏导", "Teachers stand at the stairways to guide students at breaks, at dismissal and during assemblies"),
            ("各班级按规定时间、指定楼梯错峰上下楼，疏散路线图已张贴", "Classes use their assigned stairways at staggered times, and evacuation route maps are posted"),
        ]),
        new("防伤害", "Injury prevention", ItemGroup.StudentProtection, ItemFrequency.Weekly,
        [
            ("体育器材、运动场地和大型玩具牢固完好，无松动、破损和尖锐边角", "Sports equipment, playing fields and large play equipment are sound, with no loose parts, damage or sharp edges"),
            ("窗户限位器、护栏和楼梯栏杆等防坠落设施完好", "Window restrictors, guardrails, stair railings and other fall protection are intact"),
            ("体育课和户外活动有教师组织看护，活动前检查场地", "PE lessons and outdoor activities are run and supervised by a teacher, and the area is checked beforehand"),
        ]),
        new("防性侵", "Sexual-abuse prevention", ItemGroup.StudentProtection, ItemFrequency.Monthly,
        [
            ("新入职教职工和外聘人员已查询性侵违法犯罪记录", "New staff and contracted workers have been checked for sexual-offence records"),
            ("开展防性侵教育，学生知道保护身体隐私部位和求助方法", "Sexual-abuse prevention lessons have been given, and students know which parts of the body are private and how to get help"),
            ("男教职工不单独进入女生宿舍，师生单独谈话在开放场所进行", "Male staff do not enter girls' dormitories alone, and one-to-one talks with students take place in open spaces"),
            ("发现疑似侵害线索立即报告公安机关和教育部门", "Any sign of suspected abuse is reported at once to the police and the education bureau"),
        ]),
        new("防自杀", "Suicide prevention", ItemGroup.MentalHealth, ItemFrequency.Monthly,
        [
            ("开展学生心理健康筛查，重点关注学生台账及时更新", "Student mental-health screening has been carried out, and the list of students needing attention is kept up to date"),
            ("心理辅导室正常开放，配有专（兼）职心理教师", "The counselling room is open and staffed by a full- or part-time counsellor"),
            ("班主任与重点关注学生家长保持沟通，发现异常及时干预并报告", "Class teachers stay in touch with the parents of these students, and step in and report at any warning sign"),
            ("教学楼天台等高处区域封闭管理", "Rooftops and other high places in teaching buildings are kept locked"),
        ]),
        new("防危房倒塌伤害", "Unsafe buildings", ItemGroup.Facilities, ItemFrequency.Monthly,
        [
            ("校舍、围墙、挡土墙无新增裂缝、倾斜、沉降和渗漏", "School buildings, perimeter walls and retaining walls show no new cracks, tilting, settlement or leaks"),
            ("经鉴定的危房已停用，设置警示标志并隔离，无师生使用", "Buildings assessed as unsafe are out of use, signed and fenced off, and no one uses them"),
            ("危房拆除、加固、改造按计划推进", "Demolition, reinforcement or renovation of unsafe buildings is going ahead as planned"),
        ]),
        new("防自然灾害", "Natural hazards (landslide, flood, lightning)", ItemGroup.Disaster, ItemFrequency.Monthly,
        [
            ("已排查校园及周边滑坡、泥石流、洪涝隐患点，有监测和预警措施", "Landslide, debris-flow and flood risk spots in and around the school have been identified, with monitoring and warning in place"),
            ("防雷设施完好，并在检测有效期内", "Lightning protection is intact and within its test date"),
            ("排水沟、排水管道畅通，低洼处无积水", "Drains and gutters are clear, and there is no standing water in low-lying spots"),
            ("及时接收气象预警，恶劣天气按预案调整上下学时间或停课", "Weather warnings are received promptly, and in severe weather school hours are changed or classes suspended according to the plan"),
        ]),
        new("传染病防控", "Infectious disease control", ItemGroup.PublicHealth, ItemFrequency.Weekly,
        [
            ("落实晨午检和因病缺勤追踪登记，发现异常及时报告", "Morning and midday health checks and follow-up of sickness absence are logged, and anything unusual is reported promptly"),
            ("教室、宿舍、食堂定期通风消毒，有消毒记录", "Classrooms, dormitories and the canteen are aired and disinfected regularly, with a disinfection log"),
            ("洗手设施完好，洗手液或肥皂充足", "Hand-washing facilities work, with enough soap or hand wash"),
            ("新生入学查验预防接种证，隔离观察室设置到位", "New pupils' vaccination certificates have been checked, and an isolation room is set up"),
        ]),
        new("校车安全", "School bus", ItemGroup.Traffic, ItemFrequency.Weekly,
        [
            ("校车年检合格、保险有效，安全设施和标志齐全", "School buses have passed their annual inspection, are insured, and carry all required safety equipment and markings"),
            ("驾驶员取得校车驾驶资格，无违法记录，身体状况良好", "Drivers hold a school-bus driving qualification, have a clean record and are in good health"),
            ("严格按核载人数乘车，不超员，学生系好安全带", "Buses never carry more than their approved number of passengers, and students wear seat belts"),
            ("每车配备随车照管人员，上下车清点人数并签字", "Every bus has an attendant who counts students on and off and signs the log"),
        ]),
        new("用电安全", "Electrical safety", ItemGroup.Facilities, ItemFrequency.Weekly,
        [
            ("配电箱（柜）上锁，有警示标志，周围无杂物", "Distribution boxes and cabinets are locked, carry warning signs and are kept clear"),
            ("电线无老化、破损和裸露，插座、开关完好", "Wiring is not aged, damaged or exposed, and sockets and switches are intact"),
            ("漏电保护装置定期测试，动作正常", "Residual-current devices are tested regularly and trip correctly"),
            ("电动车不在楼道、宿舍内停放和充电", "Electric bikes are not parked or charged in corridors or dormitories"),
        ]),
        new("实验室危化品", "Laboratory chemicals", ItemGroup.Facilities, ItemFrequency.Monthly,
        [
            ("危险化学品专柜存放，双人双锁管理，领用有登记", "Hazardous chemicals are kept in dedicated cabinets under two-person, two-lock control, and every withdrawal is logged"),
            ("账物相符，过期和废弃化学品按规定处置", "Stock matches the register, and expired and waste chemicals are disposed of as required"),
            ("实验室通风、洗眼器和灭火器等设施完好", "Laboratory ventilation, eyewash stations, extinguishers and other equipment are in working order"),
        ]),
        new("燃气及特种设备", "Gas and special equipment", ItemGroup.Facilities, ItemFrequency.Weekly,
        [
            ("燃气管道、阀门和软管无老化泄漏，燃气报警装置有效", "Gas pipes, valves and hoses show no ageing or leaks, and gas detectors work"),
            ("液化气钢瓶在检验有效期内，存放在通风良好的独立房间", "LPG cylinders are within their test date and stored in a separate, well-ventilated room"),
            ("锅炉、电梯、压力容器等特种设备定期检验合格，操作人员持证上岗", "Boilers, lifts, pressure vessels and other special equipment have passed their periodic inspection, and operators are certified"),
        ]),
        new("宿舍安全", "Dormitories", ItemGroup.Management, ItemFrequency.Weekly,
        [
            ("宿舍管理员在岗，夜间有人值班巡查，查寝有记录", "Dormitory managers are on duty, there are night patrols, and bed checks are logged"),
            ("就寝时清点人数，缺寝学生及时核实并通知家长", "Students are counted at bedtime, and anyone missing is followed up at once and their parents told"),
            ("床铺牢固，上铺有护栏，宿舍内无管制刀具等违禁物品", "Beds are sturdy, upper bunks have guardrails, and rooms hold no knives or other banned items"),
            ("宿舍安全出口畅通，夜间不锁闭，有应急照明", "Dormitory exits are clear and not locked at night, and there is emergency lighting"),
        ]),
        new("门卫与封闭管理", "Gate and closed campus", ItemGroup.PersonnelDefence, ItemFrequency.Weekly,
        [
            ("保安在岗在位，着装规范，持证上岗", "Guards are at their posts, in uniform and certified"),
            ("校园封闭管理，来访人员和车辆核实身份、登记后方可进入", "The campus is closed; visitors and vehicles enter only after an identity check and registration"),
            ("上下学时段护学岗到位，校门口有保安和教师值守", "At arrival and dismissal the school-gate duty post is in place, with guards and teachers at the gate"),
            ("学生在校期间离校凭请假条，幼儿由家长凭接送卡接走", "Students leave during school hours only with a leave note, and young children are collected by parents with a pick-up card"),
        ]),
        new("技防设施", "Cameras and alarms", ItemGroup.TechnicalDefence, ItemFrequency.Weekly,
        [
            ("监控覆盖校门、围墙、宿舍、食堂等重点部位，24小时运行，无盲区死角", "Cameras cover the gate, perimeter, dormitories, canteen and other key places, run 24 hours a day and leave no blind spots"),
            ("监控录像保存时间不少于90天，抽查回放正常", "Footage is kept for at least 90 days, and a spot-check playback works"),
            ("一键报警与110联网，测试畅通", "The one-button alarm is linked to 110 and a test call goes through"),
            ("监控室有人值守，值班记录完整", "The monitoring room is staffed and the duty log is complete"),
        ]),
        new("物防设施", "Walls, barriers, protective gear", ItemGroup.PhysicalDefence, ItemFrequency.Monthly,
        [
            ("围墙（栏）完整无缺口，有效高度不低于2.5米", "The perimeter wall or fence is unbroken and at least 2.5 m high"),
            ("校门口防冲撞设施（升降柱、隔离墩等）完好，上下学时段处于防护状态", "Anti-vehicle barriers at the gate (bollards, blocks, etc.) are intact and in place at arrival and dismissal times"),
            ("门卫室配齐防暴头盔、防割手套、钢叉、盾牌、警棍等器械，保安会正确使用", "The gatehouse is equipped with riot helmets, cut-resistant gloves, restraint forks, shields and batons, and guards know how to use them"),
        ]),
        new("周边环境", "School surroundings", ItemGroup.External, ItemFrequency.Monthly,
        [
            ("校园周边200米内无网吧和歌舞娱乐场所，校门口无无证流动摊贩", "There are no internet cafés or entertainment venues within 200 m of the school, and no unlicensed street vendors at the gate"),
            ("网吧接纳未成年人、社会不良青年骚扰学生等问题已报告有关部门并跟踪处理", "Problems such as internet cafés admitting minors or youths harassing students have been reported to the authorities and followed up"),
            ("护校队会同公安、综治人员定期开展校园周边巡逻，有巡查记录", "The school patrol team patrols the surroundings regularly with police and community officers, and patrols are logged"),
        ]),
        new("禁毒教育", "Drug prevention", ItemGroup.Education, ItemFrequency.Monthly,
        [
            ("按计划开展禁毒专题教育，有教案和记录", "Drug-prevention lessons are given as planned, with lesson plans and records"),
            ("学生了解新型毒品及伪装成零食、饮料的毒品，知道拒绝和报告", "Students know about new synthetic drugs, including those disguised as sweets or drinks, and know to refuse and report them"),
            ("面向家长和教职工开展禁毒宣传", "Drug-prevention information also reaches parents and staff"),
        ]),
        new("森林防火", "Forest-fire prevention", ItemGroup.Disaster, ItemFrequency.Monthly,
        [
            ("开展森林防火教育，学生和家长知道禁止野外用火", "Forest-fire lessons have been given, and students and parents know that lighting fires outdoors is forbidden"),
            ("防火期内发放森林防火告家长书并收回回执", "In the fire season a forest-fire letter has been sent to parents and the slips collected"),
            ("校园及周边林地、草地无焚烧垃圾、秸秆等野外用火", "No rubbish, crop stalks or anything else is burned in woods and grassland on or around the campus"),
            ("毗邻林区的学校清理周边可燃物，保持防火隔离带", "Schools next to woodland clear away combustible material and keep a firebreak"),
        ]),
        new("应急预案与演练", "Plans and drills", ItemGroup.Management, ItemFrequency.Monthly,
        [
            ("各类应急预案齐全，结合实际修订，人员分工明确", "Emergency plans cover every risk, are revised to fit local conditions, and set out clear roles"),
            ("按计划开展应急疏散演练，有方案、记录、照片和总结", "Evacuation drills are held as planned, with a plan, record, photos and review"),
            ("演练中发现的问题已整改", "Problems found in drills have been fixed"),
            ("急救箱、手电筒、扩音器等应急物资配备齐全", "First-aid kits, torches, megaphones and other emergency supplies are in place"),
        ]),
        new("矛盾纠纷排查", "Dispute screening", ItemGroup.Management, ItemFrequency.Monthly,
        [
            ("排查教职工之间、师生之间、家校之间的矛盾纠纷，建立台账", "Disputes among staff, between teachers and students, and between the school and families are screened for and logged"),
            ("每件矛盾纠纷落实化解责任人，及时调处，防止激化", "Each dispute has a named person to resolve it and is mediated promptly before it escalates"),
            ("涉校信访、舆情和重大矛盾纠纷及时报告属地政府和教育主管部门", "Petitions, public-opinion incidents and serious disputes involving the school are reported promptly to the local government and the education bureau"),
        ]),
    ];
}
