/** Word lists for the demo data set: common US first and last names, cities, products. */

export const FIRST_NAMES = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah ' +
  'Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily ' +
  'Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Dorothy Jason Rebecca ' +
  'Edward Sharon Jeffrey Laura Ryan Cynthia Jacob Amy Gary Kathleen Nicholas Angela Eric Shirley Jonathan Brenda Stephen Emma Larry ' +
  'Anna Justin Pamela Scott Nicole Brandon Samantha Benjamin Katherine Samuel Christine Gregory Helen Alexander Debra Patrick Rachel ' +
  'Frank Carolyn Raymond Janet Jack Maria Dennis Olivia Jerry Heather Tyler Catherine Aaron Diane Jose Julie Adam Victoria Nathan ' +
  'Joyce Henry Lauren Zachary Kelly Douglas Christina Peter Ruth Kyle Joan Noah Virginia Ethan Judith Jeremy Evelyn Christian Hannah ' +
  'Walter Andrea Keith Megan Austin Cheryl Roger Jacqueline Terry Madison Sean Teresa Gerald Abigail Carl Sophia Dylan Martha Harold ' +
  'Sara Jordan Gloria Jesse Janice Bryan Kathryn Lawrence Ann Arthur Isabella Gabriel Judy Bruce Charlotte Logan Julia Billy Grace ' +
  'Joe Amber Alan Alice Juan Jean Elijah Denise Willie Frances Albert Danielle Wayne Marilyn Randy Natalie Mason Beverly Vincent Diana ' +
  'Liam Brittany Roy Theresa Bobby Kayla Caleb Alexis Bradley Doris Russell Lori Lucas Tiffany Priya Wei Mohammed Fatima Hiroshi Aiko ' +
  'Carlos Lucia Mateo Valentina Dmitri Olga Kwame Amara Ravi Ananya Dana Leila Omar Ingrid Sven Chloe Marcus Nadia'
).split(' ');

export const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor ' +
  'Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott ' +
  'Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz ' +
  'Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed ' +
  'Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo ' +
  'Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales ' +
  'Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant ' +
  'Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington ' +
  'Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw ' +
  'Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice ' +
  'Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce ' +
  'Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Ruiz Kowalski ' +
  'Nakamura Okafor Lindqvist Haddad Sharma Ivanova Whitfield Moreau Rossi Fischer Novak Dubois Yamamoto Mensah Kaur Abdullah'
).split(' ');

export const CITIES: readonly (readonly [string, string])[] = [
  ['New York', 'US'], ['Los Angeles', 'US'], ['Chicago', 'US'], ['Houston', 'US'], ['Phoenix', 'US'], ['Philadelphia', 'US'],
  ['San Antonio', 'US'], ['San Diego', 'US'], ['Dallas', 'US'], ['Austin', 'US'], ['Seattle', 'US'], ['Denver', 'US'],
  ['Boston', 'US'], ['Portland', 'US'], ['Atlanta', 'US'], ['Miami', 'US'], ['Minneapolis', 'US'], ['Nashville', 'US'],
  ['Toronto', 'CA'], ['Vancouver', 'CA'], ['Montreal', 'CA'],
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net'] as const;

/** Products: sku, name, unit price in cents. */
export const PRODUCTS: readonly (readonly [string, string, number])[] = [
  ['HP-100', 'Wireless headphones', 12900], ['HP-200', 'Noise-cancelling headphones', 24900], ['SP-110', 'Bluetooth speaker', 7900],
  ['KB-310', 'Mechanical keyboard', 11900], ['MS-120', 'Ergonomic mouse', 4900], ['MN-270', '27-inch monitor', 32900],
  ['CH-500', 'Office chair', 28900], ['DK-140', 'Standing desk', 54900], ['LT-220', 'Desk lamp', 3900], ['CB-010', 'USB-C cable', 1500],
  ['PB-200', 'Power bank', 4500], ['WC-300', 'Webcam', 8900], ['MC-150', 'USB microphone', 9900], ['RT-600', 'Wi-Fi router', 17900],
  ['SW-420', 'Smart watch', 19900], ['TB-800', 'Tablet', 42900], ['EB-100', 'E-reader', 13900], ['CM-050', 'Coffee maker', 8900],
  ['KT-020', 'Electric kettle', 4900], ['BL-330', 'Blender', 6900], ['VC-700', 'Robot vacuum', 29900], ['AF-410', 'Air fryer', 11900],
  ['BP-150', 'Backpack', 6900], ['SU-900', 'Suitcase', 18900], ['RS-240', 'Running shoes', 11900], ['JK-610', 'Rain jacket', 14900],
];

export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL'] as const;

export const TICKET_SUBJECTS = [
  'Package delayed', 'Item arrived damaged', 'Wrong item received', 'Refund not received', 'Change delivery address',
  'Warranty claim', 'Billing question', 'Cancel order', 'Missing part', 'Return label request',
] as const;
