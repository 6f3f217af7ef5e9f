#pragma once

// The company ladder (engineering-job-ladder.txt) built in code, for unit tests that must not
// depend on the YAML reader or the importer. Statements are copied verbatim from the document,
// in document order; ids follow docs/ladder-format.md ("swe-2-role-3"). mgr-4 shares mgr-3's
// description, as the document's "Level 3/4" block does.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rung/model/defaults.hpp"
#include "rung/model/ladder.hpp"

namespace rung::test_data {

struct DocumentStatement {
  std::string_view level;
  std::string_view area;
  std::string_view text;
};

// clang-format off
inline constexpr DocumentStatement k_document_statements[] = {
      {"swe-1", "role", "You build small to medium sized well defined features"},
      {"swe-1", "role", "You investigate and fix bugs, write tests."},
      {"swe-1", "role", "You communicate progress, identify blocking issues."},
      {"swe-1", "domain", "You ask questions to support your own continuous learning."},
      {"swe-1", "domain", "You learn from your own research and from those around you."},
      {"swe-1", "domain", "You seize opportunities to increase your knowledge."},
      {"swe-1", "domain", "You begin to understand the underlying OS and infrastructure your code runs on."},
      {"swe-1", "delivery", "You understand scope of work before taking on tasks."},
      {"swe-1", "delivery", "You recognize when you don't yet have the experience or knowledge to solve a problem and reach out to other engineers for help or guidance."},
      {"swe-1", "delivery", "You prepare to work on new tasks by planning an approach ahead of time and confirming it's well thought out."},
      {"swe-1", "delivery", "You write clean and readable code."},
      {"swe-1", "delivery", "You verify your work by writing tests as well as the old fashioned manual way."},
      {"swe-1", "delivery", "You collect and incorporate feedback (such as code reviews) to ship your work."},
      {"swe-1", "delivery", "You follow your team's best practices to bring your work to production."},
      {"swe-1", "delivery", "You take ownership of your work after it's released and quickly address issues as they arise."},
      {"swe-1", "delivery", "You participate in your team's planning and are learning to estimate how long work will take."},
      {"swe-1", "communication", "You are learning to collaborate with team members in various roles (e.g. other engineers, PMs, designers)"},
      {"swe-1", "communication", "You know when to keep digging and when to ask for help. You know when you are stuck and need to be unblocked."},
      {"swe-1", "communication", "When you learn something new, or figure out the solution to a problem, you let the team know and write documentation that helps others when they encounter similar issues if applicable."},
      {"swe-2", "role", "You build medium to large scale features, sometimes with not-so-well-defined requirements."},
      {"swe-2", "role", "You give higher-level status updates."},
      {"swe-2", "role", "You help mentor new hires."},
      {"swe-2", "role", "You understand why the things we build are important to the business."},
      {"swe-2", "role", "You collaborate with Product to give early feedback about user stories and sometimes fill in the blanks."},
      {"swe-2", "domain", "You understand the technical concepts necessary to do your job effectively and are aware of industry trends in your domain."},
      {"swe-2", "domain", "You have a good sense of where to find answers and are able to grow your own knowledge both with and without guidance."},
      {"swe-2", "domain", "You have an intermediate understanding of the underlying OS and infrastructure your code runs on."},
      {"swe-2", "delivery", "You are able to read, comprehend and evolve other people's code."},
      {"swe-2", "delivery", "You almost always prefer the simpler solution over the “clever” one."},
      {"swe-2", "delivery", "You gravitate towards solutions that have the least amount of moving parts."},
      {"swe-2", "delivery", "You utilize new technologies, patterns, and the domain expertise of fellow engineers to supplement your own skills."},
      {"swe-2", "delivery", "You are learning to break down large problems into smaller, more manageable ones."},
      {"swe-2", "delivery", "You have strong debugging skills, allowing you to determine source of issues in unfamiliar code or systems."},
      {"swe-2", "delivery", "You estimate accurate timelines for tasks and deliver work at a steady, predictable pace to hit your deadlines."},
      {"swe-2", "delivery", "You pay close attention to code execution performance."},
      {"swe-2", "delivery", "You identify important tradeoffs, balance short-term needs with long-term goals, either independently or with your team."},
      {"swe-2", "communication", "You collaborate effectively with your teammates, both a mentor and a mentee, and with others outside your team, and with people in other roles (e.g. PMs, designers, managers)."},
      {"swe-2", "communication", "You are able to take in vague requirements and ask the right questions to ensure they are clarified."},
      {"swe-2", "communication", "You have a sense for when and how to appropriately and effectively offer feedback."},
      {"swe-2", "communication", "You seek out and receive constructive criticism well and do not express territorialism over your work."},
      {"swe-2", "communication", "You actively participate in interviewing and provide thoughtful feedback."},
      {"swe-3", "role", "Your work extends to many parts of a product or system and sometimes across systems."},
      {"swe-3", "role", "You deliver projects independently or by leading your teammates to do so."},
      {"swe-3", "role", "You enable other engineers on your team to be successful."},
      {"swe-3", "role", "You sometimes challenge why the things we build are important to the business and can present alternatives."},
      {"swe-3", "domain", "You have strong, well-founded opinions about how to build software in your domain, but you're adaptable and open to new ideas."},
      {"swe-3", "domain", "You closely follow industry trends relevant to your domain and understand how to apply them to your work as appropriate."},
      {"swe-3", "domain", "You share your knowledge with your coworkers."},
      {"swe-3", "domain", "You have a strong understanding of the underlying OS and infrastructure your code runs on."},
      {"swe-3", "domain", "You have accumulated a sizeable amount of knowledge but it finally dawns on you that percentage-wise your knowledge is declining ;)"},
      {"swe-3", "delivery", "You are able to identify and solve issues even when they are not in your domain."},
      {"swe-3", "delivery", "Your technical planning has shown to reduce failure scenarios and identify edge cases early on."},
      {"swe-3", "delivery", "You break down complex problems into smaller, more manageable ones, and help others to do the same."},
      {"swe-3", "delivery", "You are adept at making decisions that involve a significant number of factors and have broad implications."},
      {"swe-3", "delivery", "You can collaborate on planning large amounts of work with reliable estimates of time, effort, and risk, and you help ensure your team can hit deadlines."},
      {"swe-3", "delivery", "You ensure performance and scalability are baked into your solutions and your team’s solutions."},
      {"swe-3", "delivery", "You understand how multiple projects - worked on by you and others - intersect and ensure minimal friction in their release."},
      {"swe-3", "delivery", "You work effectively at a variety of speeds: fast when risk is low and time is tight; more deliberately when a cautious and coordinated process is warranted."},
      {"swe-3", "delivery", "You know when to deviate from standard practices."},
      {"swe-3", "communication", "You quickly extract core issues from discussions and meetings. Your presence makes meetings more productive."},
      {"swe-3", "communication", "You are adept at giving and receiving constructive feedback and you both give and receive feedback clearly and with empathy."},
      {"swe-3", "communication", "You explain technical concepts clearly and with patience, and adjust your communication based on the audience. You offer help when asked, but you also know when to step back and let others work things out on their own."},
      {"swe-3", "communication", "You're an attentive and empathetic listener. You ensure that everyone you're working with gets a chance to share their thoughts and that they're heard."},
      {"swe-4", "role", "You choose new technologies."},
      {"swe-4", "role", "You have deep technical expertise in a business-critical area."},
      {"swe-4", "role", "You do serious research to evaluate and test options."},
      {"swe-4", "role", "You understand the implications and trade-offs of reliability, scalability, operational costs, ease of adoption, recruiting, etc."},
      {"swe-4", "domain", "You use your expertise to improve Persado's capabilities in your domain."},
      {"swe-4", "domain", "You actively share your knowledge and seek opportunities to teach others about your domain."},
      {"swe-4", "domain", "You thoughtfully and practically introduce concepts and technologies from the industry to solve important problems."},
      {"swe-4", "domain", "Work you have done or that is based on your expertise has consistently been successful. Your expertise helps projects and teams achieve and exceed their goals."},
      {"swe-4", "delivery", "Your solutions are consistently successful across multiple dimensions, including performance, scalability, robustness and maintainability."},
      {"swe-4", "delivery", "You create architecture that does not rely on you personally, and is robust against single points of failure, both in terms of systems and people."},
      {"swe-4", "delivery", "Your architectural proposals are informed by industry literature and you are able to develop enough domain expertise in the problem space to understand technological tradeoffs at a sufficiently deep level."},
      {"swe-4", "delivery", "You are able to look ahead 6-12 months to identify areas of greatest need for a particular large system or project, and turn this into a roadmap with actionable milestones."},
      {"swe-4", "delivery", "You bring together the work of multiple teams and individuals into a cohesive, achievable plan that aligns with goals and deadlines."},
      {"swe-4", "delivery", "You devise, apply, and share novel and nuanced ways to ensure the quality, production readiness, and continued health of complex systems."},
      {"swe-4", "delivery", "You incorporate awareness and understanding of work happening outside your team to minimize surprises and make projects more likely to succeed."},
      {"swe-4", "communication", "Your documentation ensures that systems/architectures can be maintained or built upon by people who were not originally involved in building them."},
      {"swe-4", "communication", "You help disparate groups of people collaborate, identify common goals, and reach consensus. Your facilitation skills keep conversations productive."},
      {"swe-4", "communication", "You adapt your language to meet the needs of various levels of technical and non-technical audiences. Others seek you out because you're approachable, respectful, and they know they will learn from you."},
      {"swe-4", "communication", "You not only practice mindful communication and active listening in your interactions but encourage these practices in others."},
      {"sre-1", "role", "You contribute to resolving issues that have defined solutions, while learning how services should be operated sustainably, reliably and efficiently."},
      {"sre-1", "role", "You take specific direction from your teammates to understand the systems in scope for your team and to contribute to the team's maintenance and automation efforts."},
      {"sre-1", "domain", "You understand the basics of OS, networks and hardware and can quickly debug basic system issues."},
      {"sre-1", "domain", "You are learning to understand a typical full stack application (client/load-balancer/frontend/backend/DB) and use the right tools to troubleshoot system issues."},
      {"sre-1", "domain", "You ask questions to support your own continuous learning."},
      {"sre-1", "domain", "You learn from your own research and from those around you, seizing opportunities to increase your knowledge."},
      {"sre-1", "domain", "You primarily focus on improving your craft as an SRE"},
      {"sre-1", "delivery", "You understand the scope of work before taking on tasks."},
      {"sre-1", "delivery", "You recognize when you don't yet have the experience or knowledge to solve a problem and reach out to others for help or guidance."},
      {"sre-1", "delivery", "You prepare to work on new tasks by thoughtfully planning an approach in advance, and by confirming its validity with your team."},
      {"sre-1", "delivery", "You write clean and readable code."},
      {"sre-1", "delivery", "You verify your work by testing it yourself before asking others to review it."},
      {"sre-1", "delivery", "You collect and incorporate feedback (such as code reviews) to ship your work."},
      {"sre-1", "delivery", "You follow your team's best practices to bring your work to production."},
      {"sre-1", "delivery", "You take ownership of your work after it's released and quickly address issues as they arise."},
      {"sre-1", "delivery", "You participate in your team's planning and are learning to estimate how long work will take and how to prioritize tasks that add the most value."},
      {"sre-1", "communication", "You are learning to collaborate with team members in various roles (e.g. other SREs, software engineers)"},
      {"sre-1", "communication", "You know when to keep digging and when to ask for help. You know when you are stuck and need to be unblocked."},
      {"sre-1", "communication", "When you learn something new, or figure out the solution to a problem, you let the team know and write documentation that helps others when they encounter similar issues if applicable."},
      {"sre-2", "role", "You execute on defined projects to achieve team-level goals."},
      {"sre-2", "role", "You independently define the right solutions or use existing approaches to solve defined problems."},
      {"sre-2", "role", "You prioritize the right things and when necessary you propose appropriate scope adjustments."},
      {"sre-2", "role", "You effectively participate in the core processes of your team, including recommending and implementing process improvements."},
      {"sre-2", "domain", "You understand operating systems, networking and hardware well enough to debug system issues and identify system bottlenecks."},
      {"sre-2", "domain", "You begin to understand how systems fail and work with teams to reduce the risks."},
      {"sre-2", "domain", "You are able to contribute towards making common software delivery processes safer and more efficient using established tooling such as containers or deployment pipelines."},
      {"sre-2", "delivery", "You translate ideas into clear code, written to be read as well as executed."},
      {"sre-2", "delivery", "Your code is free of glaring errors - bugs are in edge cases or design, not mainline paths - and is well documented and well tested with appropriate use of manual vs automated tests."},
      {"sre-2", "delivery", "You code with both high throughput and appropriately high quality."},
      {"sre-2", "communication", "You can effectively collaborate to get work done."},
      {"sre-2", "communication", "You work with your manager to manage conflict with empathy and cooperation in mind."},
      {"sre-3", "role", "You independently identify the right solutions to solve ambiguous, open-ended problems."},
      {"sre-3", "role", "You independently identify and deliver solutions that ensure the resilience and reliability across multiple systems."},
      {"sre-3", "role", "You actively level up less-experienced members of your team by helping them with their craft, providing guidance, and setting a good example."},
      {"sre-3", "domain", "You understand operating systems, networking and hardware well enough to quickly debug complex issues and identify the major system bottlenecks."},
      {"sre-3", "domain", "You are able to identify opportunities to improve system’s reliability such as utilization, scalability, efficiency and drive the implementation."},
      {"sre-3", "domain", "You know how complex distributed systems fail and look for ways to protect the software and system."},
      {"sre-3", "domain", "You contribute to interviewing and assessing candidates to help us build a diverse and talented team."},
      {"sre-3", "delivery", "You write code that addresses the heart of the matter, avoiding over-engineered solutions, but that is also appropriately flexible, reusable, efficient and adaptable to changing requirements."},
      {"sre-3", "delivery", "You have a strong awareness of the ecosystem of tools and libraries available to you."},
      {"sre-3", "delivery", "You ensure high code quality in code reviews."},
      {"sre-3", "communication", "You avoid blame and solve the right problems, disagreeing and committing when necessary."},
      {"sre-3", "communication", "You proactively share information so the right people are informed and aligned."},
      {"sre-4", "role", "You autonomously deliver multi-phase, cross-team reliability efforts."},
      {"sre-4", "role", "You are an expert at identifying the right solutions to solve ambiguous, open-ended problems that require tough prioritization."},
      {"sre-4", "role", "You actively level up less-experienced members of your team by helping them with their craft, providing guidance, and setting a good example."},
      {"sre-4", "domain", "You deeply understand and can improve the reliability of most of the systems utilized at Persado."},
      {"sre-4", "domain", "You can prioritize fixing major system reliability issues and with appropriate levels of failure for the long term roadmap vs daily problems."},
      {"sre-4", "domain", "You contribute to interviewing and assessing candidates to help us build a diverse and talented team."},
      {"sre-4", "delivery", "You write code that addresses the heart of the matter, avoiding over-engineered solutions, but that is also appropriately flexible, reusable, efficient and adaptable to changing requirements"},
      {"sre-4", "delivery", "You have a strong awareness of the ecosystem of tools and libraries available to you."},
      {"sre-4", "communication", "You foster effective communication across teams and promote inclusivity."},
      {"sre-4", "communication", "You tailor your message to your audience, presenting it clearly and concisely at the right level."},
      {"sre-5", "role", "You save the planet from alien invasions."},
      {"sre-5", "domain", "You have laser eyes."},
      {"sre-5", "domain", "You can fly at supersonic speed."},
      {"sre-5", "domain", "You have supermassive strength."},
      {"sre-5", "domain", "You can time travel."},
      {"mgr-1", "role", "You have the technical skills of a Senior Software Developer."},
      {"mgr-1", "role", "You can manage a team of up to 8 developers."},
      {"mgr-1", "role", "You can handle all aspects of the product(s) you own - planning, development, deployment and maintenance."},
      {"mgr-1", "role", "You collaborate with Product and QA to make sure releases go on time with the highest quality in mind."},
      {"mgr-1", "role", "You take responsibility for the code your team deploys to production."},
      {"mgr-1", "leadership", "You have the ability to positively impact your team and motivate them to achieve their goals."},
      {"mgr-1", "leadership", "You help your team make sure user stories have no missing or contradicting pieces."},
      {"mgr-1", "leadership", "You ensure user stories are reasonably priced and communicate potential planning conflicts early on."},
      {"mgr-1", "leadership", "You give your team the autonomy to choose their work and do their work."},
      {"mgr-1", "leadership", "You are able to delegate the right tasks to the right people when needed."},
      {"mgr-1", "leadership", "You are capable of identifying the most high-value tasks and keep your team focused on them."},
      {"mgr-1", "leadership", "You and your team are able to consistently execute drama-free deploys to production."},
      {"mgr-1", "communication", "You have regular and effective 1:1 meetings with your team."},
      {"mgr-1", "communication", "You make sure mentors have regular 1:1 with their mentees."},
      {"mgr-1", "communication", "You regularly communicate accurate status of the product or projects you own to all stakeholders."},
      {"mgr-1", "communication", "You contribute ideas and suggestions to the product managers constructively."},
      {"mgr-1", "communication", "You do not have an \"us vs. them\" mentality with other stakeholders and you make sure no one in your team does as well."},
      {"mgr-2", "role", "You have the technical skills of a Staff Software Developer."},
      {"mgr-2", "role", "You are able to manage 2-3 developer teams."},
      {"mgr-2", "role", "You align the activities and projects of your team(s) with company goals."},
      {"mgr-2", "role", "You mentor team leads and identify developers who are capable and willing to become a team lead."},
      {"mgr-2", "role", "You help remove barriers, both between your own team(s) and also between them and external teams they work with."},
      {"mgr-2", "role", "You ensure a certain level of consistency across processes, best practices, and tools used by your teams."},
      {"mgr-2", "leadership", "You are able to identify headcount needs and handle the recruitment process as well as decide when to let people go."},
      {"mgr-2", "leadership", "You help manage resources and priorities across teams and move resources between teams when necessary."},
      {"mgr-2", "leadership", "You ensure that your team leads remain aligned to identify and coordinate changes made within one team that will impact components used by others."},
      {"mgr-2", "leadership", "You allow your team leads the autonomy to make decisions both within their teams and between themselves, acting as a mediator or tie-breaker, with executive decisions being rare."},
      {"mgr-2", "leadership", "You work with your team leads to design and document high level architecture for epic-level requirements or “greenfield” applications they will own, and you empower them to decide lower level implementation details using the higher level architecture as a guide."},
      {"mgr-2", "communication", "You conduct regular and effective 1:1 meetings with each of your team leads."},
      {"mgr-2", "communication", "You make a conscious, occasional effort to gather feedback from some of the individual contributors on your teams."},
      {"mgr-2", "communication", "You regularly report an accurate status of your teams and related projects to all stakeholders."},
      {"mgr-2", "communication", "You help educate the Engineering team as a whole, or empower the team members best suited to do so, with regards to any newer technologies and tools that are being internally adopted."},
      {"mgr-3", "role", "You have the technical skills of a Staff Software Developer."},
      {"mgr-3", "role", "You are a team builder."},
      {"mgr-3", "role", "You enable the overall culture and values of the engineering team."},
      {"mgr-3", "role", "You make sure products are built according to business goals and that they are shipped on time."},
      {"mgr-3", "role", "You make sure the entire engineering team has all the resources they need to continue their education and hone their skills."},
      {"mgr-3", "role", "You are dying to code but don’t have much time for it :(."},
      {"mgr-3", "leadership", "You decide how to hire, what kind of people you hire and how to retain good talent."},
      {"mgr-3", "leadership", "You actively participate in mentoring new and existing engineers."},
      {"mgr-3", "leadership", "You ensure your team has the right processes and tools to be effective."},
      {"mgr-3", "leadership", "You collaborate with heads of other teams on the long-term roadmap of the company."},
      {"mgr-3", "communication", "You provide technical guidance to the engineering team as well as non-engineering stakeholders."},
      {"mgr-3", "communication", "You work closely with the heads of Product Management, Sales, Marketing, and other groups and make sure the teams are working together well."},
};
// clang-format on

struct DocumentLevel {
  std::string_view id;
  std::string_view title;
  std::string_view grade;
  std::string_view shares;
};

inline model::Level document_level(const DocumentLevel& row, int number) {
  model::Level level;
  level.id = row.id;
  level.number = number;
  level.title = row.title;
  level.grade = row.grade;
  level.shares = row.shares;
  // Area blocks in the order the document gives them for this level (the manager levels put
  // Leadership before Communication), statements in document order.
  std::map<std::string, int> counters;
  for (const auto& statement : k_document_statements) {
    if (statement.level != row.id) {
      continue;
    }
    const std::string area(statement.area);
    if (level.areas.empty() || level.areas.back().area != area) {
      level.areas.push_back({area, {}, {}});
    }
    std::string id = std::string(row.id) + "-" + area + "-" + std::to_string(++counters[area]);
    level.areas.back().statements.push_back({id, std::string(statement.text), {}, {}});
  }
  return level;
}

inline model::Track document_track(std::string id, std::string name, model::Family family,
                                   const std::vector<DocumentLevel>& rows) {
  model::Track track{std::move(id), std::move(name), family, {}, {}};
  int number = 0;
  for (const auto& row : rows) {
    track.levels.push_back(document_level(row, ++number));
  }
  return track;
}

// The whole document as LadderData: tracks swe, sre, mgr; areas role, domain, delivery,
// communication, leadership; 184 statements.
inline model::LadderData document_ladder_data() {
  using model::Family;
  model::LadderData data;
  data.meta.name = "Engineering Job Ladder";
  data.general = {"Persado General Ladder", {"2", "3", "4", "5", "6", "7"}};
  data.areas = {{"role", "Role Highlights", {}},
                {"domain", "Domain Expertise", {}},
                {"delivery", "Programming / Problem Solving / Delivery", {}},
                {"communication", "Communication", {}},
                {"leadership", "Leadership / Management / Planning", {}}};
  data.scale = model::default_scale();
  data.readiness = model::default_readiness();
  data.tracks = {
      document_track("swe", "Software Engineer", Family::individual_contributor,
                     {{"swe-1", "Software Engineer I", "2", ""},
                      {"swe-2", "Software Engineer II", "3", ""},
                      {"swe-3", "Senior Software Engineer", "4", ""},
                      {"swe-4", "Staff Software Engineer", "5", ""}}),
      document_track("sre", "Reliability Engineer", Family::individual_contributor,
                     {{"sre-1", "Reliability Engineer I", "2", ""},
                      {"sre-2", "Reliability Engineer II", "3", ""},
                      {"sre-3", "Senior Reliability Engineer I", "4", ""},
                      {"sre-4", "Senior Reliability Engineer II", "5", ""},
                      {"sre-5", "Staff Reliability Engineer", "6", ""}}),
      document_track("mgr", "Manager", Family::manager,
                     {{"mgr-1", "Engineering Team Lead", "4", ""},
                      {"mgr-2", "Director of Engineering", "5", ""},
                      {"mgr-3", "Sr. Director of Engineering", "6", ""},
                      {"mgr-4", "VP Engineering", "7", "mgr-3"}}),
  };
  return data;
}

inline model::Ladder document_ladder() {
  return model::Ladder(document_ladder_data());
}

}  // namespace rung::test_data
