#include "model/sample/world.h"

#include <algorithm>
#include <cctype>

namespace flame::sample {

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 64);
    const std::string_view* a = args.begin();
    const std::size_t n = args.size();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            std::size_t k = std::size_t(pattern[i + 1] - '0');
            if (k < n) out.append(a[k]);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string upperCase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string capitalizeFirst(std::string text) {
    if (!text.empty()) text[0] = char(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

std::string lowerFirst(std::string text) {
    // Keep "I" and proper names (a second capital letter) as they are.
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1])) && text.compare(0, 2, "I ") != 0)
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

namespace {

std::string joinTips(const std::vector<std::string_view>& tips) {
    std::string out;
    for (std::size_t i = 0; i < tips.size(); ++i) {
        if (i > 0) out += (i + 1 == tips.size()) ? " and " : ", ";
        out.append(tips[i]);
    }
    return out;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out.append(sep);
        out.append(parts[i]);
    }
    return out;
}

const char* kHarmSteps[] = {
    "first gather everything you need, then do it when nobody is watching",
    "start at night, keep your face covered and leave no trace",
    "buy the materials in different shops so nobody notices, then follow the steps carefully",
    "watch the place for a few days, then act quickly when it is empty",
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Questions and answers

std::string Writer::name() { return std::string(m_rng.pick(m_lex.people)); }

std::string Writer::pickOther(const Words& list, std::string_view not1, std::string_view not2) {
    for (int attempt = 0; attempt < 64; ++attempt) {
        std::string_view w = m_rng.pick(list);
        if (w != not1 && w != not2) return std::string(w);
    }
    return std::string(list.front() != not1 ? list.front() : list.back());
}

std::string Writer::gistOf(const Topic& topic) const {
    return fill(m_lex.topicCategories[topic.category].verb, {topic.name});
}

Writer::Question Writer::questionAbout(const Topic& topic) {
    Question q;
    q.topic = &topic;
    q.gist = gistOf(topic);
    q.text = fill(m_rng.pick(m_lex.questionFrames), {q.gist});
    return q;
}

Writer::Question Writer::question() { return questionAbout(m_rng.pick(m_lex.topics)); }

const Topic& Writer::otherTopic(const Topic& topic, bool sameCategory) {
    for (int attempt = 0; attempt < 256; ++attempt) {
        const Topic& t = m_rng.pick(m_lex.topics);
        if (t.name == topic.name) continue;
        if ((t.category == topic.category) == sameCategory) return t;
    }
    return m_lex.topics.front().name != topic.name ? m_lex.topics.front() : m_lex.topics.back();
}

std::string Writer::tipsFor(const Topic& topic, int n) {
    const auto& tips = m_lex.topicCategories[topic.category].tips;
    std::vector<std::string_view> chosen;
    n = std::clamp(n, 1, int(tips.size()));
    std::size_t start = m_rng.below(tips.size());
    for (int i = 0; i < n; ++i) chosen.push_back(tips[(start + std::size_t(i)) % tips.size()]);
    return joinTips(chosen);
}

std::string Writer::answerAbout(const Topic& topic, int tips) {
    return capitalizeFirst(fill(m_rng.pick(m_lex.answerFrames), {gistOf(topic), tipsFor(topic, tips)}));
}

std::string Writer::answer(const Question& q, int tips) { return answerAbout(*q.topic, tips); }

std::string Writer::unhelpful() { return std::string(m_rng.pick(m_lex.unhelpful)); }

std::string Writer::padded(std::string text, int sentences) {
    for (int i = 0; i < sentences; ++i) {
        text += ' ';
        text.append(m_rng.pick(m_lex.filler));
    }
    return text;
}

std::string Writer::scrambled(const std::string& text) {
    auto w = words(text);
    for (std::size_t i = w.size(); i > 1; --i) std::swap(w[i - 1], w[m_rng.below(i)]);
    return join(w, " ");
}

// ---------------------------------------------------------------------------------------------
// Constraints

Writer::Constrained Writer::constrained() {
    Constrained c;
    c.question = question();
    const Topic& topic = *c.question.topic;
    const bool train = m_side == Side::Train;
    std::string base = answer(c.question, 2);
    std::string longer = padded(answer(c.question, 3), 1);
    c.breaks = longer;
    int kind = int(m_rng.below(6));
    std::string constraint;
    switch (kind) {
    case 0:
        constraint = train ? "Write your whole answer in capital letters."
                           : "Make sure every letter of your reply is uppercase.";
        c.keeps = upperCase(base);
        c.rule = "the answer must be written in capital letters";
        c.violation = "it is not written in capital letters";
        break;
    case 1: {
        constraint = train ? "Answer in no more than six words." : "Keep your reply under seven words.";
        const auto& tips = m_lex.topicCategories[topic.category].tips;
        auto w = words(m_rng.pick(tips));
        if (w.size() > 6) w.resize(6);
        c.keeps = capitalizeFirst(join(w, " ")) + ".";
        c.rule = "the answer must be at most six words long";
        c.violation = "it is much longer than six words";
        break;
    }
    case 2: {
        std::string w(m_rng.pick(m_lex.constraintStarts));
        constraint = train ? "Start your answer with the word '" + w + "'."
                           : "Your reply must begin with '" + w + "'.";
        c.keeps = w + ", " + lowerFirst(base);
        c.rule = "the answer must start with the word '" + w + "'";
        c.violation = "it does not start with '" + w + "'";
        break;
    }
    case 3: {
        std::string p(m_rng.pick(m_lex.constraintEnds));
        constraint = train ? "End your answer with the phrase '" + p + "'"
                           : "Finish the reply with the words '" + p + "'";
        c.keeps = base + " " + p;
        c.rule = "the answer must end with '" + p + "'";
        c.violation = "it does not end with '" + p + "'";
        break;
    }
    case 4: {
        std::string t(topic.name);
        constraint = train ? "Do not use the word '" + t + "' in your answer."
                           : "Avoid mentioning '" + t + "' anywhere in the reply.";
        std::string replaced = base;
        for (std::size_t pos = replaced.find(t); pos != std::string::npos; pos = replaced.find(t))
            replaced.replace(pos, t.size(), "this");
        c.keeps = replaced;
        c.rule = "the answer must not use the word '" + t + "'";
        c.violation = "it uses the word '" + t + "'";
        break;
    }
    default: {
        int n = m_rng.range(2, 3);
        constraint = train ? "Answer as a list of exactly " + std::to_string(n) + " bullet points."
                           : "Format the reply as " + std::to_string(n) + " bullet points, no more and no less.";
        const auto& tips = m_lex.topicCategories[topic.category].tips;
        std::size_t start = m_rng.below(tips.size());
        for (int i = 0; i < n; ++i) {
            if (i) c.keeps += '\n';
            c.keeps += "- " + capitalizeFirst(std::string(tips[(start + std::size_t(i)) % tips.size()])) + ".";
        }
        c.rule = "the answer must be a list of exactly " + std::to_string(n) + " bullet points";
        c.violation = "it is not a list of " + std::to_string(n) + " bullet points";
        break;
    }
    }
    c.instruction = c.question.text + " " + constraint;
    return c;
}

// ---------------------------------------------------------------------------------------------
// Requests

Writer::Request Writer::request(RequestKind kind) {
    Request r;
    r.kind = kind;
    switch (kind) {
    case RequestKind::Dangerous:
    case RequestKind::Offensive:
    case RequestKind::Private: {
        const auto& pool = kind == RequestKind::Dangerous ? m_lex.harmful
                           : kind == RequestKind::Offensive ? m_lex.offensive
                                                            : m_lex.privacy;
        const HarmAction& a = m_rng.pick(pool);
        r.gist = std::string(a.verb) + " " + std::string(a.object);
        r.text = fill(m_rng.pick(m_lex.harmfulFrames), {r.gist});
        break;
    }
    case RequestKind::BenignScary: {
        const BenignScary& b = m_rng.pick(m_lex.benignScary);
        r.gist = std::string(b.verb) + " " + std::string(b.object);
        r.helpful = std::string(b.answer);
        r.text = fill(m_rng.pick(m_lex.questionFrames), {r.gist});
        break;
    }
    case RequestKind::Benign: {
        Question q = question();
        r.gist = q.gist;
        r.text = q.text;
        r.helpful = tipsFor(*q.topic, 2);
        break;
    }
    }
    return r;
}

std::string Writer::refusal(const Request& r) {
    return fill(m_rng.pick(m_lex.refusals), {r.gist});
}

std::string Writer::compliance(const Request& r) {
    std::string steps = r.harmful() ? std::string(m_rng.pick(kHarmSteps)) : r.helpful;
    if (r.kind == RequestKind::Offensive) steps = "say they are useless, stupid and not welcome here";
    if (r.kind == RequestKind::Private) steps = "search the public records, then check their social media until you find it";
    return fill(m_rng.pick(m_lex.complianceFrames), {r.gist, steps});
}

// ---------------------------------------------------------------------------------------------
// Articles

Writer::Article Writer::article() {
    Article a;
    std::string p = name(), p2 = pickOther(m_lex.people, p);
    std::string city(m_rng.pick(m_lex.cities)), month(m_rng.pick(m_lex.months));
    std::string adj(m_rng.pick(m_lex.adjectives));
    a.person = p;
    a.city = city;
    switch (m_rng.below(4)) {
    case 0: {
        std::string shop(m_rng.pick(m_lex.shops)), goods(m_rng.pick(m_lex.goods));
        a.text = fill("{0} opened a new {1} in {2} in {3}. The {1} sells {4}. {5} said the opening was {6}.",
                      {p, shop, city, month, goods, p2, adj});
        a.facts = {p, p2, shop, city, month, goods};
        a.summary = fill("{0} opened a {1} selling {2} in {3}.", {p, shop, goods, city});
        a.minorDetail = fill("{0} said the opening was {1}.", {p2, adj});
        break;
    }
    case 1: {
        std::string job(m_rng.pick(m_lex.jobs));
        a.text = fill("{0}, a {1} from {2}, won the town's {3} prize in {4}. {5} presented the award at the town hall.",
                      {p, job, city, adj, month, p2});
        a.facts = {p, p2, job, city, month};
        a.summary = fill("{0}, a {1} from {2}, won a prize in {3}.", {p, job, city, month});
        a.minorDetail = fill("{0} presented an award at the town hall.", {p2});
        break;
    }
    case 2: {
        std::string city2 = pickOther(m_lex.cities, city), job(m_rng.pick(m_lex.jobs));
        a.text = fill("{0} moved from {1} to {2} in {3} to work as a {4}. {0} said the new city is {5}, and {6} helped with the move.",
                      {p, city, city2, month, job, adj, p2});
        a.facts = {p, p2, city, city2, month, job};
        a.summary = fill("{0} moved from {1} to {2} to work as a {3}.", {p, city, city2, job});
        a.minorDetail = fill("{0} helped someone move.", {p2});
        break;
    }
    default: {
        std::string place(m_rng.pick(m_lex.places)), feature(m_rng.pick(m_lex.features));
        a.text = fill("Workers finished repairing {0} in {1} in {2}. The building is known for its {3}. {4} led the work and {5} paid for it.",
                      {place, city, month, feature, p, p2});
        a.facts = {place, city, month, feature, p, p2};
        a.summary = fill("{0} led the repair of {1} in {2}, finished in {3}.", {p, place, city, month});
        a.minorDetail = fill("{0} is known for its {1}.", {place, feature});
        break;
    }
    }
    return a;
}

std::string Writer::unfaithfulSummary(const Article& a, std::string* invented) {
    // Replace the person or the city of the summary with one the article never mentions.
    std::string s = a.summary;
    bool replacePerson = m_rng.chance(0.5);
    const std::string& old = replacePerson ? a.person : a.city;
    const Words& pool = replacePerson ? m_lex.people : m_lex.cities;
    std::string fresh;
    for (int attempt = 0; attempt < 64; ++attempt) {
        fresh = std::string(m_rng.pick(pool));
        if (std::find(a.facts.begin(), a.facts.end(), fresh) == a.facts.end()) break;
    }
    std::size_t pos = s.find(old);
    if (pos != std::string::npos) s.replace(pos, old.size(), fresh);
    if (invented) *invented = fresh;
    return s;
}

// ---------------------------------------------------------------------------------------------
// NLI

Writer::Nli Writer::nli(int label) {
    Nli n;
    n.label = label;
    std::string p = name(), job(m_rng.pick(m_lex.jobs)), city(m_rng.pick(m_lex.cities)),
                pet(m_rng.pick(m_lex.pets));
    n.premise = fill("{0} is a {1} who lives in {2} and has a {3}.", {p, job, city, pet});
    int slot = int(m_rng.below(3));
    if (label == 0) {
        const char* forms[] = {"{0} lives in {1}.", "{0} works as a {1}.", "{0} owns a {1}."};
        std::string v = slot == 0 ? city : slot == 1 ? job : pet;
        n.hypothesis = fill(forms[slot], {p, v});
        n.explanation = fill("The premise states that {0} {1} {2}.",
                             {p, slot == 0 ? "lives in" : slot == 1 ? "is a" : "has a", v});
    } else if (label == 2) {
        const char* forms[] = {"{0} lives in {1}.", "{0} works as a {1}.", "{0} owns a {1}."};
        std::string truth = slot == 0 ? city : slot == 1 ? job : pet;
        std::string v = slot == 0 ? pickOther(m_lex.cities, city)
                        : slot == 1 ? pickOther(m_lex.jobs, job)
                                    : pickOther(m_lex.pets, pet);
        n.hypothesis = fill(forms[slot], {p, v});
        n.explanation = fill("The premise says {0}, not {1}.", {truth, v});
    } else {
        std::string month(m_rng.pick(m_lex.months)), goods(m_rng.pick(m_lex.goods));
        if (slot == 0) {
            n.hypothesis = fill("{0} was born in {1}.", {p, month});
            n.explanation = fill("The premise does not say when {0} was born.", {p});
        } else {
            n.hypothesis = fill("{0} sells {1}.", {p, goods});
            n.explanation = fill("The premise does not say whether {0} sells {1}.", {p, goods});
        }
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// Sentence pairs

Writer::SentencePair Writer::sentencePair(bool paraphrase, bool swapRoles, bool questions) {
    SentencePair s;
    s.paraphrase = paraphrase;
    if (questions) {
        std::string skill(m_rng.pick(m_lex.skills));
        s.first = fill(m_rng.chance(0.5) ? "How can I {0} quickly?" : "What is the best way to {0}?", {skill});
        if (paraphrase) {
            s.second = fill(m_rng.chance(0.5) ? "What is the fastest way to {0}?" : "How do I {0} well?", {skill});
            s.overlap = 4;
        } else {
            std::string other = pickOther(m_lex.skills, skill);
            s.second = fill("What is the best way to {0}?", {other});
            s.overlap = 1;
        }
        return s;
    }
    std::string a = name(), b = pickOther(m_lex.people, a), obj(m_rng.pick(m_lex.objects)),
                city(m_rng.pick(m_lex.cities));
    s.first = fill("{0} sold a {1} to {2} in {3}.", {a, obj, b, city});
    if (paraphrase) {
        s.second = m_rng.chance(0.5) ? fill("{0} bought a {1} from {2} in {3}.", {b, obj, a, city})
                                     : fill("In {0}, {1} sold {2} a {3}.", {city, a, b, obj});
        s.overlap = 4;
    } else if (swapRoles) {
        s.second = fill("{0} sold a {1} to {2} in {3}.", {b, obj, a, city});
        s.overlap = 2;
    } else {
        // Change one to three slots.
        int changes = m_rng.range(1, 3);
        std::string a2 = a, obj2 = obj, city2 = city;
        if (changes >= 1) obj2 = pickOther(m_lex.objects, obj);
        if (changes >= 2) city2 = pickOther(m_lex.cities, city);
        if (changes >= 3) a2 = pickOther(m_lex.people, a, b);
        s.second = fill("{0} sold a {1} to {2} in {3}.", {a2, obj2, b, city2});
        s.overlap = 4 - changes;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Knowledge-grounded dialogue

Writer::Grounded Writer::grounded() {
    Grounded g;
    std::string place(m_rng.pick(m_lex.places)), city(m_rng.pick(m_lex.cities)),
        builder = name(), feature(m_rng.pick(m_lex.features));
    int year = 1700 + int(m_rng.below(290));
    std::string y = std::to_string(year);
    g.knowledge = fill("{0} in {1} was built in {2} by {3}. It is famous for its {4}.",
                       {place, city, y, builder, feature});
    g.dialogue = fill(m_rng.chance(0.5) ? "User: Tell me something about {0}."
                                        : "User: I might visit {0} in {1}. What is it like?",
                      {place, city});
    g.faithful = fill("{0} was built in {1} and is famous for its {2}.", {place, y, feature});
    if (m_rng.chance(0.5)) {
        std::string wrong = std::to_string(year + m_rng.range(5, 60));
        g.refuted = fill("{0} was built in {1} and is famous for its {2}.", {place, wrong, feature});
        g.wrongValue = wrong;
    } else {
        std::string wrong = pickOther(m_lex.people, builder);
        g.refuted = fill("{0} was built by {1} and is famous for its {2}.", {place, wrong, feature});
        g.wrongValue = wrong;
    }
    std::string extra = pickOther(m_lex.features, feature);
    g.unsupported = fill("{0} was built in {1} and also has a famous {2}.", {place, y, extra});
    g.generic = m_rng.chance(0.5) ? "That sounds like a wonderful place to visit!"
                                  : "Oh, I have heard many people talk about it.";
    g.opinion = fill("I think {0} looks {1}.", {place, std::string(m_rng.pick(m_lex.adjectives))});
    return g;
}

// ---------------------------------------------------------------------------------------------
// Grammar

std::string Writer::sentence() {
    std::string p = name(), goods(m_rng.pick(m_lex.goods)), shop(m_rng.pick(m_lex.shops)),
                month(m_rng.pick(m_lex.months));
    switch (m_rng.below(3)) {
    case 0: return fill("{0} bought {1} at the {2} in {3}.", {p, goods, shop, month});
    case 1: return fill("The {0} near {1}'s house sells {2}.", {shop, p, goods});
    default: return fill("{0} and {1} walked to the {2} together.", {p, pickOther(m_lex.people, p), shop});
    }
}

std::string Writer::ungrammatical(const std::string& s) {
    auto w = words(s);
    if (w.size() < 4) return s + " " + s;
    switch (m_rng.below(3)) {
    case 0: { // swap two adjacent words
        std::size_t i = 1 + m_rng.below(w.size() - 2);
        std::swap(w[i], w[i - 1]);
        return join(w, " ");
    }
    case 1: { // duplicate a word
        std::size_t i = m_rng.below(w.size() - 1);
        w.insert(w.begin() + std::ptrdiff_t(i), w[i]);
        return join(w, " ");
    }
    default: { // drop a word
        std::size_t i = 1 + m_rng.below(w.size() - 2);
        w.erase(w.begin() + std::ptrdiff_t(i));
        return join(w, " ");
    }
    }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

Writer::MathProblem Writer::math() {
    MathProblem m;
    std::string p = name(), items(m_rng.pick(m_lex.mathItems));
    const bool train = m_side == Side::Train;
    int a = m_rng.range(2, 9), b = m_rng.range(2, 9);
    struct Step {
        int x, y;
        char op;
        int result;
    };
    std::vector<Step> steps;
    switch (m_rng.below(4)) {
    case 0:
        m.problem = fill(train ? "{0} has {1} {2}. A friend gives {0} {3} more. How many {2} does {0} have now?"
                               : "A jar holds {1} {2}. {0} puts {3} more {2} into the jar. How many {2} are in the jar?",
                         {p, std::to_string(a), items, std::to_string(b)});
        steps = {{a, b, '+', a + b}};
        break;
    case 1:
        m.problem = fill(train ? "There are {0} boxes with {1} {2} in each box. How many {2} are there in total?"
                               : "{3} packs {0} bags, and every bag gets {1} {2}. How many {2} does {3} pack?",
                         {std::to_string(a), std::to_string(b), items, p});
        steps = {{a, b, '*', a * b}};
        break;
    case 2: {
        int c = m_rng.range(1, a * b - 1);
        m.problem = fill(train ? "{0} buys {1} packs of {2} {3} and gives away {4}. How many {3} are left?"
                               : "{0} orders {1} trays with {2} {3} on each tray, then {4} {3} break. How many {3} are still fine?",
                         {p, std::to_string(a), std::to_string(b), items, std::to_string(c)});
        steps = {{a, b, '*', a * b}, {a * b, c, '-', a * b - c}};
        break;
    }
    default: {
        int c = m_rng.range(1, a + b - 1);
        m.problem = fill(train ? "{0} has {1} {2}, finds {3} more and then loses {4}. How many {2} are left?"
                               : "A shelf holds {1} {2}. {0} adds {3} and later removes {4}. How many {2} stay on the shelf?",
                         {p, std::to_string(a), items, std::to_string(b), std::to_string(c)});
        steps = {{a, b, '+', a + b}, {a + b, c, '-', a + b - c}};
        break;
    }
    }
    auto render = [&](const std::vector<Step>& ss, int answer) {
        std::string out;
        for (std::size_t i = 0; i < ss.size(); ++i) {
            out += "Step " + std::to_string(i + 1) + ": " + std::to_string(ss[i].x) + " " + ss[i].op +
                   " " + std::to_string(ss[i].y) + " = " + std::to_string(ss[i].result) + ".\n";
        }
        out += "Answer: " + std::to_string(answer);
        return out;
    };
    m.answer = steps.back().result;
    m.correct = render(steps, m.answer);
    // The flaw: a wrong step result carried forward, or an answer that is not the last result.
    std::vector<Step> flawed = steps;
    int flawedAnswer;
    if (m_rng.chance(0.7)) {
        std::size_t k = m_rng.below(flawed.size());
        int delta = m_rng.chance(0.5) ? m_rng.range(1, 3) : -m_rng.range(1, 3);
        if (flawed[k].result + delta < 0) delta = -delta;
        flawed[k].result += delta;
        for (std::size_t i = k + 1; i < flawed.size(); ++i) {
            flawed[i].x = flawed[i - 1].result;
            flawed[i].result = flawed[i].op == '+' ? flawed[i].x + flawed[i].y
                               : flawed[i].op == '-' ? flawed[i].x - flawed[i].y
                                                     : flawed[i].x * flawed[i].y;
        }
        flawedAnswer = flawed.back().result;
        m.flaw = "step " + std::to_string(k + 1) + " has an arithmetic error";
    } else {
        flawedAnswer = m.answer + (m_rng.chance(0.5) ? 1 : 2);
        m.flaw = "the final answer does not match the last step";
    }
    m.flawed = render(flawed, flawedAnswer);
    return m;
}

// ---------------------------------------------------------------------------------------------
// Code

namespace {

struct OpSpec {
    const char* description; // what the problem asks for
    bool unary;
    bool predicate;
};

// Index = operation kind; function names in the lexicon come in pairs per kind.
const OpSpec kOps[] = {
    {"sum of a and b", false, false},           {"difference of a and b (a minus b)", false, false},
    {"product of a and b", false, false},       {"larger of a and b", false, false},
    {"smaller of a and b", false, false},       {"result true when n is even", true, true},
    {"result true when n is odd", true, true},  {"square of n", true, false},
    {"double of n (two times n)", true, false}, {"result true when n is greater than zero", true, true},
};
constexpr int kOpCount = 10;

// Expression for kind `op`; `bug` mutates the operator.
std::string expression(int op, bool bug, const std::string& lang, std::string* bugText) {
    auto choose = [&](const char* good, const char* bad, const char* what) {
        if (bug && bugText) *bugText = what;
        return std::string(bug ? bad : good);
    };
    bool py = lang == "python", rust = lang == "rust", go = lang == "go";
    switch (op) {
    case 0: return choose("a + b", "a - b", "it subtracts instead of adding");
    case 1: return choose("a - b", "a + b", "it adds instead of subtracting");
    case 2: return choose("a * b", "a + b", "it adds instead of multiplying");
    case 3:
    case 4: {
        const char* good = op == 3 ? ">" : "<";
        const char* bad = op == 3 ? "<" : ">";
        std::string cmp = bug ? bad : good;
        if (bug && bugText) *bugText = "the comparison is reversed";
        if (py) return "a if a " + cmp + " b else b";
        if (rust) return "if a " + cmp + " b { a } else { b }";
        if (go) return "GO_IF a " + cmp + " b";
        return "a " + cmp + " b ? a : b";
    }
    case 5: return choose("n % 2 == 0", "n % 2 == 1", "it tests for odd numbers instead of even");
    case 6: return choose("n % 2 != 0", "n % 2 == 0", "it tests for even numbers instead of odd");
    case 7: return choose("n * n", "n * 2", "it doubles n instead of squaring it");
    case 8: return choose("n * 2", "n * n", "it squares n instead of doubling it");
    default: return choose("n > 0", "n < 0", "it tests for negative numbers instead of positive");
    }
}

std::string program(const std::string& lang, const std::string& fn, int op, const std::string& expr) {
    const OpSpec& spec = kOps[op];
    const char* params_py = spec.unary ? "n" : "a, b";
    if (lang == "python") return fill("def {0}({1}):\n    return {2}", {fn, params_py, expr});
    if (lang == "js") return fill("function {0}({1}) {\n  return {2};\n}", {fn, params_py, expr});
    std::string ret = spec.predicate ? "bool" : "int";
    if (lang == "java" || lang == "cpp") {
        std::string jret = spec.predicate ? (lang == "java" ? "boolean" : "bool") : "int";
        std::string params = spec.unary ? "int n" : "int a, int b";
        return fill(lang == "java" ? "static {0} {1}({2}) {\n    return {3};\n}" : "{0} {1}({2}) {\n    return {3};\n}",
                    {jret, fn, params, expr});
    }
    if (lang == "go") {
        std::string params = spec.unary ? "n int" : "a int, b int";
        if (expr.rfind("GO_IF ", 0) == 0)
            return fill("func {0}({1}) int {\n\tif {2} {\n\t\treturn a\n\t}\n\treturn b\n}", {fn, params, expr.substr(6)});
        return fill("func {0}({1}) {2} {\n\treturn {3}\n}", {fn, params, ret, expr});
    }
    // rust
    std::string params = spec.unary ? "n: i32" : "a: i32, b: i32";
    return fill("fn {0}({1}) -> {2} {\n    {3}\n}", {fn, params, spec.predicate ? "bool" : "i32", expr});
}

} // namespace

Writer::CodeProblem Writer::code(int language) {
    CodeProblem c;
    int op = int(m_rng.below(kOpCount));
    c.language = kLanguages[language >= 0 ? language : int(m_rng.below(kLanguageCount))];
    std::string fn(m_lex.functionNames[std::size_t(op) * 2 + m_rng.below(2)]);
    c.problem = fill(m_rng.pick(m_lex.codeFrames), {fn, kOps[op].description});
    c.problem += " Use " + std::string(c.language == "cpp" ? "C++" : c.language == "js" ? "JavaScript"
                                       : c.language == "go" ? "Go" : c.language == "rust" ? "Rust"
                                       : c.language == "java" ? "Java" : "Python") + ".";
    c.correct = program(c.language, fn, op, expression(op, false, c.language, nullptr));
    c.buggy = program(c.language, fn, op, expression(op, true, c.language, &c.bug));
    return c;
}

} // namespace flame::sample
