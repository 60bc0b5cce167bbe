#!/usr/bin/env python3
"""Writes the synthetic PHI corpus: phi-zh.jsonl and phi-en.jsonl.

Every report body below was written for this corpus (no real or public report text); the identifiers are
invented and inserted where reports carry them (header, history, body, signature) in the forms hospitals
write them. Gold spans are recorded as each identifier is inserted, so they are exact by construction.

Run from the repository root:  python3 tests/data/deid/generate.py   (seeded: the output is reproducible)
Offsets: start/end count UTF-16 code units (no text here leaves the Basic Multilingual Plane, so they equal
code points).
"""
import json
import os
import random

R = random.Random(16)
HERE = os.path.dirname(os.path.abspath(__file__))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝于"
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "慕容", "司徒"]
GIVEN = "子涵欣怡梓轩浩宇雨桐一诺思远志强秀英丽娟玉兰建军德明淑珍春梅海燕文博嘉怡俊杰晨阳佳琪天佑若曦宏伟丽华国庆振华瑞霖书瑶立新"
PROVINCES = [("浙江", "省"), ("江苏", "省"), ("广东", "省"), ("四川", "省"), ("湖北", "省"), ("山东", "省"), ("北京", "市"), ("上海", "市"), ("河南", "省"), ("福建", "省")]
CITIES = ["杭州", "南京", "广州", "成都", "武汉", "济南", "苏州", "宁波", "温州", "郑州", "厦门", "无锡", "佛山", "绵阳", "宜昌"]
DISTRICTS = ["西湖区", "鼓楼区", "天河区", "武侯区", "江汉区", "历下区", "姑苏区", "海曙区", "鹿城区", "金水区", "思明区", "滨湖区", "南海区", "涪城区", "长兴县", "桐庐县", "建德市"]
ROADS = ["文三路", "中山路", "解放路", "人民路", "建设路", "天府大道", "滨江路", "湖滨路", "学院路", "新华街", "朝阳路", "长江路"]
TOWNS = ["城关镇", "新安镇", "白沙镇", "东坝乡"]
VILLAGES = ["李家村", "大王村", "新建村", "下沙村"]
ORG_ZH = ["{c}市第一人民医院", "{c}市中心医院", "{c}大学附属第二医院", "{c}市中医院", "{c}市妇幼保健院", "{c}医科大学附属第一医院", "{c}协和医院"]
WORK_ZH = ["{c}华信科技有限公司", "{c}市实验中学", "{c}建工集团", "{c}大学", "{c}市自来水公司", "{c}恒达贸易有限公司"]
REGIONS = ["110105", "330106", "440304", "510107", "420102", "370102", "320508", "350203"]
MOBILE = ["138", "139", "135", "186", "159", "177", "152", "189", "130", "199", "182", "166"]
AREA = ["010", "021", "0571", "025", "020", "028", "027", "0531"]

FIRST_EN = ["John", "Mary", "William", "Elizabeth", "George", "Margaret", "Henry", "Dorothy", "Charles", "Ruth", "Frank", "Alice", "Walter", "Evelyn", "Arthur", "Grace", "Samuel", "Irene", "Peter", "Joan", "Harold", "Edith", "Raymond", "Clara"]
LAST_EN = ["Smith", "Johnson", "Whitaker", "O'Brien", "Nguyen", "Kowalski", "Fitzgerald", "Harrington", "McAllister", "Delgado", "Thornton", "Abernathy", "Castellano", "Brennan", "Lindqvist", "Okafor", "Petrov", "Sandoval", "Yamamoto", "Hughes", "Garcia", "Patel", "Chen", "Morrison"]
STREETS = ["Maple", "Oak", "Elm", "Washington", "Lincoln", "Park", "Lakeview", "Sunset", "River", "Highland", "Chestnut", "Pine Ridge"]
SUFFIX = ["Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Boulevard", "Lane", "Drive", "Court"]
CITIES_EN = [("Springfield", "IL"), ("Riverton", "WY"), ("Fairview", "OR"), ("Georgetown", "TX"), ("Madison", "WI"), ("Franklin", "TN"), ("Salem", "MA"), ("Clinton", "IA")]
ORG_EN = ["{x} General Hospital", "{x} Medical Center", "St. {y}'s Hospital", "{x} Regional Medical Center", "{x} Imaging Center", "{x} University Hospital", "{x} Family Clinic"]
ORG_X = ["Riverside", "Lakeland", "Mercy", "Northwood", "Summit", "Bayview", "Greenfield", "Pinecrest", "Westbrook"]
ORG_Y = ["Mary", "Joseph", "Luke", "Vincent", "Anne"]
EMPLOYER_EN = ["Acme Logistics", "Harbor Steel Works", "Bright Futures Academy", "Delta Freight Inc."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

ZH_BODIES = [
    "检查所见：\n右肺上叶尖段见一磨玻璃结节，大小约8mm×6mm，边界清楚。双肺纹理清晰，气管及主支气管通畅。纵隔未见肿大淋巴结。双侧胸腔未见积液。\n诊断意见：\n右肺上叶磨玻璃结节，建议6个月后复查。",
    "检查所见：\n颅内未见明显出血灶，脑室系统大小形态正常，中线结构居中。双侧基底节区见多发腔隙性低密度灶，CT值约18HU。\n诊断意见：\n双侧基底节区多发腔隙性脑梗死。",
    "超声所见：\n肝脏大小形态正常，包膜光整，实质回声均匀。胆囊大小约65mm×25mm，壁毛糙，腔内见一强回声团，大小约12mm，后伴声影。胰腺、脾脏未见异常。\n超声提示：\n胆囊结石，胆囊炎。",
    "检查所见：\n左膝关节内侧半月板后角见线样高信号影达关节面，前交叉韧带连续性好。关节腔内少量积液。股骨内侧髁骨髓水肿。\n诊断意见：\n1、左膝内侧半月板后角撕裂（III级）。\n2、关节腔少量积液。",
    "检查所见：\n胸廓对称，双肺纹理增多、模糊，右下肺野见斑片状模糊影。心影不大，双膈面光整，肋膈角锐利。\n诊断意见：\n右下肺炎症，建议治疗后复查。",
    "检查所见：\n肝右叶见一类圆形低密度影，大小约32mm×28mm，增强扫描动脉期明显强化，门脉期及延迟期廓清。肝门区未见肿大淋巴结，门静脉主干未见充盈缺损。\n诊断意见：\n肝右叶占位，考虑肝细胞癌可能，请结合AFP检查。",
    "检查所见：\nL4/5椎间盘向后突出，硬膜囊受压，L5/S1椎间盘膨出。腰椎生理曲度变直，诸椎体边缘骨质增生。\n诊断意见：\n1、L4/5椎间盘突出。\n2、L5/S1椎间盘膨出。\n3、腰椎退行性变。",
    "超声所见：\n甲状腺右叶见一低回声结节，大小约9mm×7mm，纵横比>1，边缘不规则，内见点状强回声。CDFI：结节内见少量血流信号。TI-RADS 4b类。\n超声提示：\n甲状腺右叶实性结节（TI-RADS 4b类），建议穿刺活检。",
    "检查所见：\n左侧额叶见一不规则团块影，大小约45mm×38mm×40mm，T1WI呈低信号，T2WI呈高信号，增强扫描呈环形强化，周围见大片水肿，中线结构右移约6mm。\n诊断意见：\n左额叶占位，考虑高级别胶质瘤可能。",
    "检查所见：\n双肺多发实性结节，最大者位于左肺下叶，直径约15mm，分叶状，可见毛刺。纵隔内见多发肿大淋巴结，最大短径约12mm。\n诊断意见：\n左肺下叶结节伴纵隔淋巴结肿大，考虑肺癌伴转移可能，建议进一步检查。",
    "检查所见：\n右侧股骨颈骨皮质不连续，可见透亮骨折线，断端轻度移位，颈干角减小。髋关节间隙正常。\n诊断意见：\n右股骨颈骨折。",
    "检查所见：\n右肾盂内见一致密影，大小约7mm，CT值约980HU，右肾盂及上段输尿管扩张积水。左肾未见异常。膀胱充盈良好。\n诊断意见：\n右肾盂结石伴右肾积水。",
    "检查所见：\n心影增大，心胸比约0.58，双肺门影增浓，双肺纹理增粗，双侧肋膈角变钝。\n诊断意见：\n心影增大，双侧少量胸腔积液，请结合临床。",
    "检查所见：\n子宫前位，大小约52mm×45mm×40mm，肌层回声均匀，内膜厚约8mm。左侧附件区见一无回声区，大小约35mm×30mm，边界清，壁薄。\n超声提示：\n左附件区囊性包块，考虑生理性囊肿可能，建议月经干净后复查。",
    "检查所见：\n主动脉弓降部见内膜片影，真假腔形成，假腔内见部分血栓，破口位于左锁骨下动脉开口以远约20mm处，累及腹主动脉至双侧髂总动脉。\n诊断意见：\n主动脉夹层（Stanford B型），危急值。",
    "检查所见：\n双侧乳腺腺体致密，右乳外上象限见一肿块，大小约18mm×14mm，形态不规则，边缘呈毛刺状，内见细小多形性钙化。右侧腋窝见肿大淋巴结。\n诊断意见：\n右乳外上象限肿块，BI-RADS 5类。",
    "检查所见：\n鼻窦CT示双侧上颌窦黏膜增厚，左侧上颌窦内见液平面，窦壁骨质未见破坏。鼻中隔略向右偏曲。\n诊断意见：\n双侧上颌窦炎（左侧急性期）。",
    "检查所见：\n胃窦部胃壁不规则增厚，最厚处约15mm，增强扫描明显不均匀强化，浆膜面毛糙，周围脂肪间隙模糊，胃周见数枚小淋巴结，最大约8mm。\n诊断意见：\n胃窦部胃壁增厚，考虑胃癌（T3N1）可能，建议胃镜活检。",
    "检查所见：\nC5/6、C6/7椎间盘向后突出，相应水平硬膜囊受压，脊髓未见异常信号。颈椎生理曲度变直。\n诊断意见：\nC5/6、C6/7椎间盘突出。",
    "检查所见：\n胆总管扩张，直径约14mm，其下端见一类圆形充盈缺损，大小约10mm。肝内胆管轻度扩张。胰管未见扩张。\n诊断意见：\n胆总管下段结石伴胆道梗阻。",
]

EN_BODIES = [
    "FINDINGS: The lungs are clear. No pleural effusion or pneumothorax. Heart size is normal. The mediastinal contours are within normal limits.\nIMPRESSION: No acute cardiopulmonary process.",
    "FINDINGS: There is a 1.2 x 0.9 cm spiculated nodule in the right upper lobe. No mediastinal or hilar lymphadenopathy. No pleural effusion.\nIMPRESSION: 1.2 cm spiculated right upper lobe nodule, suspicious for malignancy. Recommend PET-CT.",
    "FINDINGS: No acute intracranial hemorrhage, mass effect or midline shift. Chronic small vessel ischemic changes in the periventricular white matter. Ventricles are normal in size.\nIMPRESSION: No acute intracranial abnormality.",
    "FINDINGS: The appendix is dilated to 11 mm with periappendiceal fat stranding. An appendicolith is noted at the base. No free air or abscess.\nIMPRESSION: Acute appendicitis.",
    "FINDINGS: Moderate right pleural effusion with adjacent compressive atelectasis. Cardiomegaly. Pulmonary vascular congestion.\nIMPRESSION: Findings consistent with congestive heart failure with right pleural effusion.",
    "FINDINGS: The liver measures 17.5 cm and is diffusely echogenic. The gallbladder contains multiple shadowing stones, the largest measuring 2.1 cm. Common bile duct measures 4 mm.\nIMPRESSION: Hepatic steatosis. Cholelithiasis without cholecystitis.",
    "FINDINGS: Acute displaced fracture of the left femoral neck. No dislocation. Degenerative changes of both hips with joint space narrowing.\nIMPRESSION: Displaced left femoral neck fracture.",
    "FINDINGS: Filling defects in the right lower lobe segmental pulmonary arteries. RV/LV ratio 0.9. No pulmonary infarct.\nIMPRESSION: Acute right lower lobe segmental pulmonary emboli. Critical result.",
    "FINDINGS: Complete tear of the anterior cruciate ligament. Bone bruises of the lateral femoral condyle and posterolateral tibial plateau. Small joint effusion.\nIMPRESSION: Complete ACL tear.",
    "FINDINGS: A 4.3 cm infrarenal abdominal aortic aneurysm without evidence of rupture. Mild atherosclerotic calcification. Kidneys are unremarkable.\nIMPRESSION: 4.3 cm infrarenal AAA. Follow-up ultrasound in 12 months.",
    "FINDINGS: Disc bulge at L4-L5 with moderate central canal stenosis. Mild bilateral neural foraminal narrowing at L5-S1. Conus terminates at L1.\nIMPRESSION: Degenerative disc disease, most pronounced at L4-L5.",
    "FINDINGS: Enhancing 2.3 cm mass in the left temporal lobe with surrounding vasogenic edema. T2 hyperintense. 3 mm rightward midline shift.\nIMPRESSION: Left temporal lobe mass, likely metastasis versus primary neoplasm.",
]


class Doc:
    def __init__(self):
        self.parts = []
        self.spans = []
        self.length = 0

    def add(self, text, kind=None):
        if kind:
            self.spans.append({"type": kind, "start": self.length, "end": self.length + len(text), "text": text})
        self.parts.append(text)
        self.length += len(text)

    def text(self):
        return "".join(self.parts)


def zh_name():
    if R.random() < 0.05:
        return R.choice(COMPOUND) + R.choice(GIVEN)
    return R.choice(SURNAMES) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def resident_id(birth):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    body = R.choice(REGIONS) + "%04d%02d%02d" % birth + "%03d" % R.randrange(1000)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def mobile():
    n = R.choice(MOBILE) + "".join(R.choice("0123456789") for _ in range(8))
    return R.choice([n, n, f"{n[:3]}-{n[3:7]}-{n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}", f"+86 {n}", f"+86-{n}"])


def landline():
    area = R.choice(AREA)
    local = R.choice("2345678") + "".join(R.choice("0123456789") for _ in range(7 if len(area) == 3 else R.choice([6, 7])))
    return R.choice([f"{area}-{local}", f"({area}){local}", f"（{area}）{local}"])


def zh_date(y, m, d, compact_ok=False):
    forms = [f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}.{m:02d}.{d:02d}", f"{y}年{m:02d}月{d:02d}日"]
    if compact_ok:
        forms.append(f"{y}{m:02d}{d:02d}")
    return R.choice(forms)


def rand_date(y0=2019, y1=2025):
    return R.randint(y0, y1), R.randint(1, 12), R.randint(1, 28)


def zh_address():
    prov, kind = R.choice(PROVINCES)
    city = R.choice(CITIES)
    head = f"{prov}{kind}" if kind == "市" else f"{prov}{kind}{city}市"
    form = R.random()
    if form < 0.6:
        return f"{head}{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 999)}号"
    if form < 0.8:
        return f"{head}{R.choice(DISTRICTS)}{R.choice(ROADS)}{R.randint(1, 300)}号{R.randint(1, 30)}栋{R.randint(1, 6)}单元{R.randint(101, 2804)}室"
    return f"{head}{R.choice(DISTRICTS)}{R.choice(TOWNS)}{R.choice(VILLAGES)}{R.randint(1, 99)}号"


def record(prefixes):
    return R.choice(prefixes) + "".join(R.choice("0123456789") for _ in range(R.randint(6, 10)))


def zh_report(i):
    doc = Doc()
    city = R.choice(CITIES)
    y, m, d = rand_date()
    name, sex = zh_name(), R.choice("男女")
    age = R.choice([R.randint(18, 89)] * 4 + [R.randint(90, 104)])
    if R.random() < 0.8:
        doc.add(R.choice(ORG_ZH).format(c=city), "organisation")
        doc.add(R.choice(["放射科", "影像科", "医学影像中心", "超声科"]) + R.choice(["CT检查报告单", "检查报告", "MRI诊断报告", "超声检查报告"]) + "\n")
    doc.add(R.choice(["姓名：", "姓名:", "患者姓名：", "姓名 "]))
    doc.add(name, "name")
    doc.add(R.choice(["  ", "　", " ", "\t"]) + f"性别：{sex}" + R.choice(["  ", " "]) + "年龄：")
    doc.add(str(age), "age" if age >= 90 else None)
    doc.add("岁\n")
    label = R.choice(["住院号", "门诊号", "影像号", "病历号", "检查号", "登记号", "病案号"])
    doc.add(label + R.choice(["：", ":", " ", "："]))
    doc.add(record(["", "", "ZY", "MZ", "CT", "P"]), "record_number")
    if R.random() < 0.5:
        doc.add(R.choice(["  床号：", " 床号:"]))
        doc.add(str(R.randint(1, 60)), "record_number")
    doc.add("\n")
    if R.random() < 0.5:
        doc.add(R.choice(["身份证号：", "身份证号码：", "身份证：", "公民身份号码 "]))
        doc.add(resident_id((R.randint(1920, 2005), R.randint(1, 12), R.randint(1, 28))), "id_number")
        doc.add("\n")
    if R.random() < 0.6:
        doc.add(R.choice(["联系电话：", "电话：", "手机：", "手机号码:", "联系方式："]))
        doc.add(mobile() if R.random() < 0.75 else landline(), "phone")
        doc.add("\n")
    if R.random() < 0.4:
        doc.add(R.choice(["住址：", "家庭住址：", "现住址：", "地址："]))
        doc.add(zh_address(), "address")
        doc.add("\n")
    if R.random() < 0.25:
        doc.add(R.choice(["工作单位：", "单位："]))
        doc.add(R.choice(WORK_ZH).format(c=city), "organisation")
        doc.add("\n")
    doc.add(R.choice(["检查日期：", "检查时间：", "申请日期："]))
    doc.add(zh_date(y, m, d, compact_ok=True), "date")
    doc.add(R.choice(["", " 09:32", " 14:05"]) + "\n")
    history = R.random()
    if history < 0.3:
        doc.add("临床诊断：咳嗽3周。患者于")
        doc.add(zh_date(*rand_date(2018, y)), "date")
        doc.add("在")
        doc.add(R.choice(ORG_ZH).format(c=R.choice(CITIES)), "organisation")
        doc.add("行胸片检查。\n")
    elif history < 0.45:
        doc.add("临床资料：患者")
        doc.add(name, "name")
        doc.add(f"，{sex}，{age}岁" if age < 90 else f"，{sex}，")
        if age >= 90:
            doc.add(str(age), "age")
            doc.add("岁")
        doc.add("，外院CT提示肺部阴影。\n")
    elif history < 0.55:
        doc.add("临床资料：患者家住")
        doc.add(zh_address(), "address")
        doc.add("，发热2天。\n")
    body = R.choice(ZH_BODIES)
    if R.random() < 0.3:
        doc.add("与")
        doc.add(zh_date(*rand_date(2015, y)), "date")
        doc.add(R.choice(["片比较：", "本院CT片对比：", "外院MR片比较："]) + "\n")
    doc.add(body + "\n")
    if "危急值" in body or R.random() < 0.15:
        doc.add("危急值已电话通知")
        doc.add(zh_name(), "name")
        doc.add(R.choice(["医师", "医生"]) + "（")
        doc.add(mobile(), "phone")
        doc.add("），时间")
        doc.add(zh_date(y, m, d), "date")
        doc.add("。\n")
    doc.add(R.choice(["报告医师：", "报告医生：", "诊断医师：", "报告医师:"]))
    doc.add(zh_name(), "name")
    doc.add(R.choice(["  ", " ", "　"]) + R.choice(["审核医师：", "审核医生：", "审核医师:"]))
    doc.add(zh_name(), "name")
    doc.add(R.choice(["  ", " "]) + "报告日期：")
    doc.add(zh_date(y, m, d), "date")
    return {"id": f"phi-zh-{i:03d}", "language": "zh", "text": doc.text(), "spans": doc.spans}


def en_name(style):
    first, last = R.choice(FIRST_EN), R.choice(LAST_EN)
    if style == "last_first":
        return f"{last}, {first}"
    if style == "initial":
        return f"{first} {R.choice('ABCDEFGHJKLMRSTW')}. {last}"
    return f"{first} {last}"


def en_date(y, m, d):
    mon = MONTHS[m - 1]
    return R.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{mon} {d}, {y}", f"{mon[:3]} {d}, {y}", f"{d} {mon} {y}", f"{d:02d}-{mon[:3]}-{y}"])


def en_phone():
    a, b, c = R.randint(201, 989), R.randint(200, 999), R.randint(0, 9999)
    return R.choice([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"+1 {a}-{b}-{c:04d}", f"+44 20 {R.randint(7000, 8999)} {R.randint(1000, 9999)}"])


def en_report(i):
    doc = Doc()
    y, m, d = rand_date()
    if R.random() < 0.8:
        doc.add(R.choice(ORG_EN).format(x=R.choice(ORG_X), y=R.choice(ORG_Y)), "organisation")
        doc.add(" - Department of Radiology\n")
    doc.add(R.choice(["Patient Name: ", "Patient: ", "Name: ", "PATIENT NAME: "]))
    doc.add(en_name(R.choice(["last_first", "plain", "initial"])), "name")
    doc.add("\n")
    doc.add(R.choice(["MRN: ", "MRN ", "Medical Record Number: ", "Patient ID: "]))
    doc.add("".join(R.choice("0123456789") for _ in range(R.randint(7, 9))), "record_number")
    doc.add(R.choice(["   ", "\n"]) + R.choice(["Accession #: ", "Accession: ", "Acc#: ", "Accession Number: "]))
    doc.add(R.choice(["", "A", "RAD", "CT"]) + "".join(R.choice("0123456789") for _ in range(R.randint(6, 10))), "record_number")
    doc.add("\n")
    doc.add(R.choice(["DOB: ", "Date of Birth: "]))
    birth = (R.randint(1920, 2000), R.randint(1, 12), R.randint(1, 28))
    doc.add(en_date(*birth), "date")
    age = R.choice([R.randint(20, 89)] * 4 + [R.randint(90, 103)])
    doc.add(R.choice(["   Age: ", "  Age "]))
    doc.add(str(age), "age" if age >= 90 else None)
    doc.add("\n")
    if R.random() < 0.4:
        doc.add("Address: ")
        city, state = R.choice(CITIES_EN)
        doc.add(f"{R.randint(1, 9999)} {R.choice(STREETS)} {R.choice(SUFFIX)}, {city}, {state} {R.randint(10000, 99999)}", "address")
        doc.add("\n")
    if R.random() < 0.5:
        doc.add(R.choice(["Phone: ", "Tel: ", "Contact: ", "Mobile: "]))
        doc.add(en_phone(), "phone")
        doc.add("\n")
    if R.random() < 0.15:
        doc.add("Employer: ")
        doc.add(R.choice(EMPLOYER_EN), "organisation")
        doc.add("\n")
    doc.add("Exam Date: ")
    doc.add(en_date(y, m, d), "date")
    doc.add("\n" + R.choice(["Referring Physician: ", "Ordering Physician: "]))
    doc.add(R.choice(["Dr. ", ""]))
    doc.add(en_name("plain"), "name")
    doc.add("\n")
    clinical = R.random()
    if clinical < 0.35:
        doc.add("CLINICAL HISTORY: ")
        doc.add(str(age), "age" if age >= 90 else None)
        doc.add(R.choice(["-year-old ", " year old ", " yo "]) + R.choice(["man", "woman", "patient"]) + " with shortness of breath.\n")
    else:
        doc.add("CLINICAL HISTORY: Cough and fever.\n")
    if R.random() < 0.5:
        doc.add("COMPARISON: ")
        doc.add(en_date(*rand_date(2015, y)), "date")
        doc.add(R.choice([" from ", " at "]))
        doc.add(R.choice(ORG_EN).format(x=R.choice(ORG_X), y=R.choice(ORG_Y)), "organisation")
        doc.add(".\n")
    else:
        doc.add("COMPARISON: None.\n")
    body = R.choice(EN_BODIES)
    doc.add(body + "\n")
    if "Critical" in body or R.random() < 0.3:
        doc.add("Findings were discussed with Dr. ")
        doc.add(R.choice(LAST_EN), "name")
        doc.add(" by telephone at 14:30 on ")
        doc.add(en_date(y, m, d), "date")
        doc.add(".\n")
    doc.add(R.choice(["Electronically signed by: ", "Signed by: ", "Dictated by: ", "Reported by: "]))
    doc.add(en_name(R.choice(["plain", "initial"])), "name")
    doc.add(R.choice([", MD", ", M.D.", " MD", ""]) + " on ")
    doc.add(en_date(y, m, d), "date")
    doc.add(R.choice(["", " 16:45"]))
    return {"id": f"phi-en-{i:03d}", "language": "en", "text": doc.text(), "spans": doc.spans}


def write(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            for span in row["spans"]:
                assert row["text"][span["start"]:span["end"]] == span["text"]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("phi-zh.jsonl", [zh_report(i + 1) for i in range(220)])
    write("phi-en.jsonl", [en_report(i + 1) for i in range(120)])
