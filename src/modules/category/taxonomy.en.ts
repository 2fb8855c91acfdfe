/**
 * The English names and scopes of the business-category taxonomy, group by group and row by row in
 * the order of `taxonomy.ts` (a test checks that every code has one).
 */
type Group = [level1: string, items: [level2: string | null, scope: string][]];

const OTHER: [string, string] = ['Other', 'Any business of this group not listed above'];

export const GROUPS_EN: Group[] = [
  [
    'IT & internet',
    [
      ['Internet platforms', 'Platform services such as e-commerce, local services, social and ride platforms. Note: for anything related to online games choose "Entertainment — Games"'],
      ['Software development & operation', 'Website building, outsourced operation and paid promotion'],
      ['Telecom operators', 'Telecom operators and their branches and subsidiaries: online service halls, phone top-ups and the like'],
      OTHER,
    ],
  ],
  [
    'E-commerce',
    [
      ['General e-commerce', 'Wins customers online and sells goods of several categories'],
      ['Tobacco, liquor & tea', 'Wins customers online and sells tobacco, liquor, tea and the like'],
      ['Food, drinks & fresh produce', 'Wins customers online and sells food, drinks, snacks, condiments and the like'],
      ['Home appliances & electronics', 'Wins customers online and sells home appliances, consumer electronics and the like'],
      ['Health products, OTC drugs & medical devices', 'Wins customers online and sells health products, over-the-counter drugs, medical devices and the like'],
      ['Virtual goods', 'Wins customers online and sells prepaid vouchers, membership top-ups, stored-value cards and similar services. Note: for game top-ups choose "Entertainment — Games"'],
      ['Jewellery & jade', 'Wins customers online and sells jewellery, jade and the like'],
      ['Clothing, textiles & bags', 'Wins customers online and sells clothing, textiles, bags and the like'],
      ['Personal care, cosmetics & daily goods', 'Wins customers online and sells personal care, cosmetics, daily goods and the like'],
      ['Culture & sports goods', 'Wins customers online and sells cultural and sports goods and equipment'],
      ['Furniture, hardware & interior materials', 'Wins customers online and sells furniture, hardware, interior decoration materials and the like'],
      ['Affiliate promotion', 'Wins customers online and helps merchants promote and sell their goods'],
      OTHER,
    ],
  ],
  [
    'Retail & wholesale',
    [
      ['Department stores & malls', 'Large department stores and shopping centres offering goods of several categories online'],
      ['Stores, supermarkets & convenience stores', 'Supermarkets, department stores and convenience stores offering goods of several categories online'],
      ['Food, drinks & fresh produce', 'Shops offering food, drinks, snacks, condiments and the like online'],
      ['Tobacco, liquor & tea', 'Shops offering tobacco, liquor, tea and the like online'],
      ['Home appliances & electronics', 'Shops offering home appliances, consumer electronics and the like online'],
      ['Health products, OTC drugs & medical devices', 'Shops offering health products, over-the-counter drugs, medical devices and the like online'],
      ['Furniture, hardware & interior materials', 'Shops offering furniture, hardware, interior decoration materials and the like online'],
      ['Clothing & textiles', 'Shops offering clothing, textiles, bags and the like online'],
      ['Personal care, cosmetics & daily goods', 'Shops offering personal care, cosmetics, daily goods and the like online'],
      ['Culture & sports goods', 'Shops offering cultural and sports goods and equipment online'],
      OTHER,
    ],
  ],
  ['Catering', [['Restaurants & catering brands', 'Ordering and delivery for restaurants, and the management of catering outlets'], OTHER]],
  [
    'Local services',
    [
      ['Beauty', 'Nails, beauty, lashes, hair, tattoos, brows, acne care, slimming, dance, yoga, fitness and the like. Note: for medical beauty choose "Medical services — Private medical institutions"'],
      ['Pet services', 'Online vet consultations, grooming appointments, pet news, pet supplies, pet boarding and the like'],
      ['Wedding services', 'Wedding planning, wedding photography, banquets, wedding videos, honeymoons and the like'],
      ['Photography & printing', 'ID photos, portrait photography, photo printing and the like'],
      ['Jobs & recruiting', 'Job seeking, recruiting and professional human-resources services'],
      ['Bathing & wellness', 'Bathing, foot baths, sauna, massage and the like'],
      ['Housekeeping', 'Nannies, postnatal carers, house cleaning, appliance and electronics repair and the like'],
      ['Errand services', 'Staff who buy, handle or deliver on your behalf, including food, daily goods and household items'],
      ['Rentals', 'Information, advice, booking, ordering and payment for renting physical goods. Note: for renting homes choose "Real estate — Property agencies"'],
      ['Leisure & entertainment', 'Dance halls, amusement arcades, karaoke, cinemas, internet cafés, circuses and other entertainment'],
      ['Dating & marriage services', 'Dating, marriage counselling, premarital guidance and the like'],
      OTHER,
    ],
  ],
  [
    'Business services',
    [
      ['Law firms', 'Online legal advice, representation in litigation and the like'],
      ['Tax & accounting', 'Tax, accounting, audit and advisory services'],
      ['Advertising & design', 'Commercial advertising, packaging design and related services. Note: for interior design choose "Real estate — Other"'],
      OTHER,
    ],
  ],
  [
    'Entertainment',
    [
      ['Short dramas & web novels', 'Streaming short web dramas and serialised web novels'],
      ['Online reading, video & music', 'Video and music streaming, online reading and the like'],
      ['Games', 'Game operation, top-ups, promotion and the like'],
      OTHER,
    ],
  ],
  [
    'Financial services',
    [
      ['Banks', 'Banks offering banking services or transactions online'],
      ['Securities companies', 'Limited or joint-stock companies in the securities and futures business'],
      ['Fund companies & fund distributors', 'Public and private fund managers investing in stocks, bonds and other instruments, and fund distributors'],
      ['Securities investment advice', 'Online securities news, advice and securities and futures services'],
      ['Financial training', 'Courses on securities, futures and other financial knowledge'],
      ['Insurance', 'Online insurance services, advice and transactions'],
      OTHER,
    ],
  ],
  [
    'Travel services',
    [
      ['Travel agencies', 'Selling tickets, accommodation and other travel products, and handling entry and exit formalities'],
      ['Hotels & lodging', 'Booking apartments, guesthouses and hotels'],
      OTHER,
    ],
  ],
  ['Automotive services', [['Car makers, dealers & 4S stores', 'Car sales and after-sales service by manufacturers, dealers and 4S stores'], OTHER]],
  [
    'Medical services',
    [
      ['Public medical institutions', 'Care, health advice, consultations and health information from public medical institutions'],
      ['Private medical institutions', 'Care, health advice, consultations and health information from private medical institutions'],
      OTHER,
    ],
  ],
  [
    'Real estate',
    [
      ['Property development', 'Developing housing and infrastructure, or selling housing'],
      ['Property marketing', 'Deposits, coupons and benefit vouchers offered by property developers'],
      ['Property management', 'Repair, upkeep and management of buildings, their facilities and grounds'],
      ['Property agencies', 'Listings, advice and viewings for rentals, new homes and second-hand homes'],
      OTHER,
    ],
  ],
  [
    'Education services',
    [
      ['Schools', 'Kindergartens, primary, secondary and higher education leading to a qualification'],
      ['Training institutions', 'Tutoring and vocational training for general, adult continuing or skills education. Note: if the teaching covers securities, funds, stocks or other financial knowledge choose "Financial services — Financial training"'],
      OTHER,
    ],
  ],
  ['Transport services', [[null, 'Means of transport open to the public']]],
  ['Government services', [[null, 'Governments at every level, their departments and public institutions']]],
  ['Logistics services', [[null, 'Express delivery, loading and unloading, freight and the like']]],
  ['Non-profit organisations', [[null, 'Charities, foundations, village and residents committees, and representative offices of foreign governments in China']]],
  ['Other', [[null, 'Every business not listed above, for example agriculture, forestry, animal husbandry and fishery, mining, construction, scientific research and technical services, water, environment and public facilities, international organisations']]],
];
